using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reconciler.Emulator.Faults;

namespace Reconciler.Emulator.Tests.Run;

/// <summary>Requests as Google's generated clients send them; errors, faults and counters in Google's shape.</summary>
internal sealed class RunProtocolTests : RunTestBase
{
    [Test]
    public async Task A_request_without_a_token_or_key_is_401_UNAUTHENTICATED()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"{Parent}/services", auth: false);

        Assert.That((status, body["error"]!["status"]!.GetValue<string>()), Is.EqualTo((401, "UNAUTHENTICATED")));
    }

    [Test]
    public async Task An_API_key_in_the_key_parameter_and_alt_json_are_accepted()
    {
        var (status, _) = await SendAsync(HttpMethod.Get, $"{Parent}/services?key=AIzaFake&alt=json", auth: false);

        Assert.That(status, Is.EqualTo(200));
    }

    [Test]
    public async Task With_enum_encoding_int_enums_are_numbers_both_ways()
    {
        var created = await OkAsync(HttpMethod.Post, $"{Parent}/services?serviceId=web&%24alt=json%3Benum-encoding%3Dint", new JsonObject
        {
            ["ingress"] = 2,
            ["template"] = Template(),
            ["traffic"] = new JsonArray(new JsonObject { ["type"] = 1, ["percent"] = 100 }),
        });
        AdvanceSeconds(20);

        var numeric = await OkAsync(HttpMethod.Get, $"{Parent}/services/web?$alt=json;enum-encoding=int");
        var named = await GetAsync("web");

        Assert.That(created["metadata"]!["ingress"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(numeric["traffic"]![0]!["type"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(numeric["terminalCondition"]!["state"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(numeric["launchStage"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(named["ingress"]!.GetValue<string>(), Is.EqualTo("INGRESS_TRAFFIC_INTERNAL_ONLY"));
    }

    [TestCase("GET", "v2/projects/demo/locations/europe-west1/jobs", TestName = "Jobs are not emulated: a Google-shaped 404")]
    [TestCase("GET", "v2/projects/demo/locations/europe-west1/services/web:getIamPolicy", TestName = "A custom verb on a service is not mistaken for services.get")]
    [TestCase("PUT", "v2/projects/demo/locations/europe-west1/services/web", TestName = "PUT is not a v2 method")]
    public async Task Unknown_methods(string method, string path)
    {
        await CreateAsync("web", Template());

        var (status, body) = await SendAsync(new HttpMethod(method), path);

        Assert.That(status, Is.EqualTo(404));
        Assert.That(body["error"]!["code"]!.GetValue<int>(), Is.EqualTo(404));
    }

    [Test]
    public async Task Injected_throttling_and_server_errors_are_429_RESOURCE_EXHAUSTED_and_503_UNAVAILABLE()
    {
        Emulator.State.Faults = new FaultOptions { ThrottleRate = 1, Operations = new HashSet<string> { "services.list" } };
        var throttled = await SendAsync(HttpMethod.Get, $"{Parent}/services");
        Emulator.State.Faults = new FaultOptions { ErrorRate = 1, Operations = new HashSet<string> { "services.list" } };
        var failed = await SendAsync(HttpMethod.Get, $"{Parent}/services");

        Assert.That((throttled.Status, throttled.Body["error"]!["status"]!.GetValue<string>()), Is.EqualTo((429, "RESOURCE_EXHAUSTED")));
        Assert.That((failed.Status, failed.Body["error"]!["status"]!.GetValue<string>()), Is.EqualTo((503, "UNAVAILABLE")));
    }

    [Test]
    public async Task A_dropped_answer_after_applying_leaves_the_change_made()
    {
        Emulator.State.OnCall(call => call.Operation == "services.create" ? CallDirective.DropAfterApplying : CallDirective.Proceed);

        Assert.ThrowsAsync<HttpRequestException>(() => CreateAsync("web", Template()));
        Assert.That((await SendAsync(HttpMethod.Get, $"{Parent}/services/web")).Status, Is.EqualTo(200), "the create was applied");

        Emulator.State.Reset();
        Assert.That((await SendAsync(HttpMethod.Get, $"{Parent}/services/web")).Status, Is.EqualTo(404), "reset clears Cloud Run state too");
    }

    [Test]
    public async Task Calls_are_counted_under_run_in_the_admin_endpoint()
    {
        await CreateAsync("web", Template());
        await GetAsync("web");
        await GetAsync("web");

        var calls = await Http.GetFromJsonAsync<JsonObject>("_emulator/calls");

        Assert.That(calls!["run"]!["services.get"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(calls["run"]!["services.create"]!.GetValue<int>(), Is.EqualTo(1));
    }
}
