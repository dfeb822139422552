using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Tests.Run;

/// <summary>Services, revisions and operations over the simulated clock.</summary>
internal sealed class RunServiceLifecycleTests : RunTestBase
{
    [Test]
    public async Task A_created_service_becomes_Ready_on_its_first_revision_after_the_container_starts()
    {
        var operation = await CreateAsync("web", Template());
        var pending = await GetAsync("web");

        AdvanceSeconds(16);
        var ready = await GetAsync("web");
        var done = await OkAsync(HttpMethod.Get, "v2/" + operation["name"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(operation["done"]!.GetValue<bool>(), Is.False);
            Assert.That(operation["metadata"]!["@type"]!.GetValue<string>(), Is.EqualTo("type.googleapis.com/google.cloud.run.v2.Service"));
            Assert.That(pending["reconciling"]!.GetValue<bool>(), Is.True);
            Assert.That(pending["terminalCondition"]!["state"]!.GetValue<string>(), Is.EqualTo("CONDITION_RECONCILING"));
            Assert.That(ready["reconciling"]!.GetValue<bool>(), Is.False);
            Assert.That(ready["generation"]!.GetValue<string>(), Is.EqualTo("1"));
            Assert.That(ready["observedGeneration"]!.GetValue<string>(), Is.EqualTo("1"));
            Assert.That(ready["terminalCondition"]!["state"]!.GetValue<string>(), Is.EqualTo("CONDITION_SUCCEEDED"));
            Assert.That(ready["latestReadyRevision"]!.GetValue<string>(), Does.StartWith("projects/demo/locations/europe-west1/services/web/revisions/web-00001-"));
            Assert.That(ready["trafficStatuses"]![0]!["percent"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(done["done"]!.GetValue<bool>(), Is.True);
            Assert.That(done["response"]!["@type"]!.GetValue<string>(), Is.EqualTo("type.googleapis.com/google.cloud.run.v2.Service"));
        });
    }

    [Test]
    public async Task A_patch_with_an_identical_template_makes_no_revision_but_bumps_the_generation()
    {
        await CreateAsync("web", Template(revision: "web-aaaa"));
        AdvanceSeconds(20);

        await PatchAsync("web", new JsonObject { ["template"] = Template(revision: "web-aaaa") });
        AdvanceSeconds(5);
        var service = await GetAsync("web");

        Assert.That(await RevisionsAsync("web"), Is.EqualTo(new[] { "web-aaaa" }));
        Assert.That(service["generation"]!.GetValue<string>(), Is.EqualTo("2"));
        Assert.That(service["observedGeneration"]!.GetValue<string>(), Is.EqualTo("2"));
    }

    [Test]
    public async Task Reusing_a_revision_name_for_a_different_template_is_refused_with_409()
    {
        await CreateAsync("web", Template(revision: "web-aaaa"));
        await PatchAsync("web", new JsonObject { ["template"] = Template(image: "europe-west1-docker.pkg.dev/demo/app/web:2.0.0", revision: "web-bbbb") });

        var (status, body) = await SendAsync(HttpMethod.Patch, $"{Parent}/services/web",
            new JsonObject { ["template"] = Template(image: "europe-west1-docker.pkg.dev/demo/app/web:3.0.0", revision: "web-aaaa") });

        Assert.That(status, Is.EqualTo(409));
        Assert.That(body["error"]!["status"]!.GetValue<string>(), Is.EqualTo("ALREADY_EXISTS"));
        Assert.That(body["error"]!["message"]!.GetValue<string>(), Is.EqualTo("Revision named 'web-aaaa' with different configuration already exists."));
        Assert.That((await GetAsync("web"))["generation"]!.GetValue<string>(), Is.EqualTo("2"), "a refused write changes nothing");
    }

    [Test]
    public async Task A_patch_with_updateMask_traffic_changes_only_traffic()
    {
        await CreateAsync("web", Template(revision: "web-aaaa"));
        await PatchAsync("web", new JsonObject { ["template"] = Template(image: "europe-west1-docker.pkg.dev/demo/app/web:2.0.0", revision: "web-bbbb") });
        AdvanceSeconds(30);

        await PatchAsync("web", new JsonObject
        {
            ["template"] = Template(image: "europe-west1-docker.pkg.dev/demo/app/web:9.9.9"),
            ["traffic"] = new JsonArray(new JsonObject { ["type"] = "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", ["revision"] = "web-aaaa", ["percent"] = 100 }),
        }, mask: "traffic");
        AdvanceSeconds(5);
        var service = await GetAsync("web");

        Assert.That(await RevisionsAsync("web"), Is.EqualTo(new[] { "web-bbbb", "web-aaaa" }));
        Assert.That(service["trafficStatuses"]![0]!["revision"]!.GetValue<string>(), Is.EqualTo("web-aaaa"));
        Assert.That(service["template"]!["revision"]!.GetValue<string>(), Is.EqualTo("web-bbbb"));
    }

    [Test]
    public async Task The_server_fills_in_the_defaults_that_cause_perpetual_diffs()
    {
        var template = Template();
        template["containers"]![0]!["resources"] = new JsonObject { ["limits"] = new JsonObject { ["memory"] = "1Gi" } };
        await CreateAsync("web", template);

        var service = await GetAsync("web");
        var container = service["template"]!["containers"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(container["resources"]!["limits"]!["cpu"]!.GetValue<string>(), Is.EqualTo("1000m"));
            Assert.That(service["template"]!["scaling"]!["maxInstanceCount"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(service["scaling"], Is.Not.Null, "a service-level scaling block");
            Assert.That(container["ports"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("http1"));
            Assert.That(container["startupProbe"]!["tcpSocket"]!["port"]!.GetValue<int>(), Is.EqualTo(8080));
            Assert.That(service["template"]!["timeout"]!.GetValue<string>(), Is.EqualTo("300s"));
        });
    }

    [Test]
    public async Task Traffic_to_a_revision_that_does_not_exist_is_refused()
    {
        await CreateAsync("web", Template());

        var (status, body) = await SendAsync(HttpMethod.Patch, $"{Parent}/services/web?updateMask=traffic", new JsonObject
        {
            ["traffic"] = new JsonArray(new JsonObject { ["type"] = "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", ["revision"] = "web-nope", ["percent"] = 100 }),
        });

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body["error"]!["message"]!.GetValue<string>(), Does.Contain("web-nope"));
    }

    [Test]
    public async Task Services_list_pages_with_page_tokens()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            await CreateAsync(id, Template());
        }

        var first = await OkAsync(HttpMethod.Get, $"{Parent}/services?pageSize=2");
        var second = await OkAsync(HttpMethod.Get, $"{Parent}/services?pageSize=2&pageToken={Uri.EscapeDataString(first["nextPageToken"]!.GetValue<string>())}");

        Assert.That(first["services"]!.AsArray().Select(s => Short(s!["name"]!.GetValue<string>())), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(second["services"]!.AsArray().Select(s => Short(s!["name"]!.GetValue<string>())), Is.EqualTo(new[] { "c" }));
        Assert.That(second["nextPageToken"], Is.Null);
    }

    [Test]
    public async Task A_patch_of_a_missing_service_is_404_unless_allowMissing()
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, $"{Parent}/services/ghost", new JsonObject { ["template"] = Template() });
        var created = await OkAsync(HttpMethod.Patch, $"{Parent}/services/ghost?allowMissing=true", new JsonObject { ["template"] = Template() });

        Assert.That((status, body["error"]!["status"]!.GetValue<string>()), Is.EqualTo((404, "NOT_FOUND")));
        Assert.That(created["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("projects/demo/locations/europe-west1/services/ghost"));
    }

    [Test]
    public async Task The_admin_state_lists_Cloud_Run_services_with_what_serves()
    {
        await CreateAsync("web", Template(revision: "web-aaaa"));
        AdvanceSeconds(20);

        var state = await OkAsync(HttpMethod.Get, "_emulator/state");

        var web = state["run"]!.AsArray().Single()!;
        Assert.That(web["name"]!.GetValue<string>(), Is.EqualTo("projects/demo/locations/europe-west1/services/web"));
        Assert.That(web["ready"]!.GetValue<string>(), Is.EqualTo("CONDITION_SUCCEEDED"));
        Assert.That(web["serving"]![0]!.GetValue<string>(), Is.EqualTo("web-aaaa=100%"));
    }
}
