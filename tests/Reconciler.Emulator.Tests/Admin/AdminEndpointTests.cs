using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reconciler.Emulator.Tests.Support;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Tests.Admin;

/// <summary>The /_emulator endpoints and their C# twins on EmulatorHost.State.</summary>
internal sealed class AdminEndpointTests : EmulatorTestBase
{
    private async Task<JsonObject> GetAsync(string path) => (JsonObject)JsonNode.Parse(await Http.GetStringAsync(path))!;

    [Test]
    public async Task Call_counters_count_every_received_call_and_separately_the_successful_ones()
    {
        await Aws.RegisterAsync("web", "shop/web:1");
        await Aws.RegisterAsync("web", "shop/web:2");
        await Aws.EcsAsync("DescribeTaskDefinition", new { taskDefinition = "ghost" });
        await Aws.SsmAsync("GetParameter", new { Name = "/missing" });

        var received = await GetAsync("/_emulator/calls");
        var succeeded = await GetAsync("/_emulator/calls?outcome=success");

        Assert.That(received.ToJsonString(), Is.EqualTo("""{"ecs":{"DescribeTaskDefinition":1,"RegisterTaskDefinition":2},"ssm":{"GetParameter":1},"run":{}}"""));
        Assert.That(succeeded.ToJsonString(), Is.EqualTo("""{"ecs":{"RegisterTaskDefinition":2},"ssm":{},"run":{}}"""));
        Assert.That(Emulator.State.CallCount("RegisterTaskDefinition", CallOutcome.Succeeded), Is.EqualTo(2));
    }

    [Test]
    public async Task Reset_clears_state_and_counts()
    {
        await Aws.SsmOkAsync("PutParameter", new { Name = "/a", Value = "1", Type = "String" });

        var reset = await Http.PostAsync("/_emulator/reset", null);
        var counts = await GetAsync("/_emulator/calls");
        var read = await Aws.SsmAsync("GetParameter", new { Name = "/a" });

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(counts.ToJsonString(), Is.EqualTo("""{"ecs":{},"ssm":{},"run":{}}"""));
        Assert.That(read.ErrorType, Is.EqualTo("ParameterNotFound"));
    }

    [Test]
    public async Task Faults_set_over_HTTP_apply_to_the_wire_API()
    {
        var put = await Http.PutAsync("/_emulator/faults", JsonContent.Create(new { throttleRate = 1.0, operations = new[] { "GetParameter" } }));

        var response = await Aws.SsmAsync("GetParameter", new { Name = "/a" });

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ErrorType, Is.EqualTo("ThrottlingException"));
        Assert.That(Emulator.State.Faults.ThrottleRate, Is.EqualTo(1.0));
    }

    [Test]
    public async Task A_bad_fault_rate_over_HTTP_is_a_400_naming_the_rate()
    {
        var put = await Http.PutAsync("/_emulator/faults", JsonContent.Create(new { errorRate = 2 }));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await put.Content.ReadAsStringAsync(), Does.Contain("errorRate"));
    }

    [Test]
    public async Task Image_rules_set_over_HTTP_decide_how_containers_behave()
    {
        var put = await Http.PutAsync("/_emulator/rules", JsonContent.Create(new { rules = new[] { new { suffix = ":canary", behaviour = "crash" } } }));
        var arn = await Aws.RegisterAsync("web", "shop/web:canary");
        await Aws.CreateServiceAsync("web", arn, 1);

        AdvanceSeconds(30);

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Aws.TasksAsync("web", "STOPPED")).Select(t => t.Text("stopCode")), Has.Some.EqualTo("EssentialContainerExited"));
    }

    [Test]
    public async Task An_invalid_rule_over_HTTP_is_a_400()
    {
        var put = await Http.PutAsync("/_emulator/rules", JsonContent.Create(new { rules = new[] { new { pattern = "([", behaviour = "crash" } } }));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Time_advanced_over_HTTP_moves_the_simulation()
    {
        var arn = await Aws.RegisterAsync("web", "shop/web:1");
        await Aws.CreateServiceAsync("web", arn, 1);

        var advanced = await Http.PostAsync("/_emulator/time/advance?seconds=120", null);
        var service = await Aws.ServiceAsync("web");

        Assert.That(advanced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
    }

    [Test]
    public async Task Clusters_created_over_HTTP_are_visible_to_DescribeClusters_in_their_region()
    {
        await Http.PostAsync("/_emulator/clusters", JsonContent.Create(new { name = "prod", region = "eu-west-3" }));

        var described = await Aws.InRegion("eu-west-3").EcsOkAsync("DescribeClusters", new { clusters = new[] { "prod", "staging" } });

        Assert.That(described["clusters"]![0].Text("clusterArn"), Is.EqualTo("arn:aws:ecs:eu-west-3:000000000000:cluster/prod"));
        Assert.That(described["failures"]![0].Text("reason"), Is.EqualTo("MISSING"));
    }

    [Test]
    public async Task An_unknown_admin_path_is_a_404()
    {
        var response = await Http.GetAsync("/_emulator/nothing");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_state_snapshot_shows_services_and_parameters_but_never_parameter_values()
    {
        var arn = await Aws.RegisterAsync("web", "shop/web:1");
        await Aws.CreateServiceAsync("web", arn, 1);
        await Aws.SsmOkAsync("PutParameter", new { Name = "/shop/db-password", Value = "hunter2", Type = "SecureString" });
        AdvanceSeconds(60);

        var text = await Http.GetStringAsync("/_emulator/state");
        var region = JsonNode.Parse(text)!["regions"]!["us-east-1"]!;

        Assert.That(region["services"]![0]!["running"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(region["services"]![0]!["deployments"]![0]!["rolloutState"]!.GetValue<string>(), Is.EqualTo("COMPLETED"));
        Assert.That(region["parameters"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("/shop/db-password"));
        Assert.That(text, Does.Not.Contain("hunter2"));
    }
}
