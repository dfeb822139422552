using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Tests.Run;

/// <summary>Readiness by the ECS image-tag rules, against the startup probe's budget.</summary>
internal sealed class RunReadinessTests : RunTestBase
{
    private static JsonObject Seed001Probe() => new()
    {
        ["httpGet"] = new JsonObject { ["path"] = "/health/readiness", ["port"] = 8080 },
        ["initialDelaySeconds"] = 5, ["periodSeconds"] = 5, ["timeoutSeconds"] = 3, ["failureThreshold"] = 12,
    };

    [Test]
    public async Task An_unhealthy_new_revision_fails_with_its_reason_while_the_old_one_keeps_serving()
    {
        await CreateAsync("web", Template(revision: "web-good"));
        AdvanceSeconds(20);
        var operation = await PatchAsync("web", new JsonObject { ["template"] = Template(image: "europe-west1-docker.pkg.dev/demo/app/web:2.0.0-unhealthy", revision: "web-bad") });

        AdvanceSeconds(300);
        var service = await GetAsync("web");
        var revision = await OkAsync(HttpMethod.Get, $"{Parent}/services/web/revisions/web-bad");
        var done = await OkAsync(HttpMethod.Get, "v2/" + operation["name"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(service["terminalCondition"]!["state"]!.GetValue<string>(), Is.EqualTo("CONDITION_FAILED"));
            Assert.That(service["terminalCondition"]!["revisionReason"]!.GetValue<string>(), Is.EqualTo("HEALTH_CHECK_CONTAINER_ERROR"));
            Assert.That(Short(service["latestReadyRevision"]!.GetValue<string>()), Is.EqualTo("web-good"));
            Assert.That(Short(service["latestCreatedRevision"]!.GetValue<string>()), Is.EqualTo("web-bad"));
            Assert.That(service["trafficStatuses"]![0]!["revision"]!.GetValue<string>(), Is.EqualTo("web-good"));
            Assert.That(revision["conditions"]![0]!["state"]!.GetValue<string>(), Is.EqualTo("CONDITION_FAILED"));
            Assert.That(done["error"]!["code"]!.GetValue<int>(), Is.EqualTo(9));
            Assert.That(done["error"]!["message"]!.GetValue<string>(), Does.StartWith("Revision 'web-bad' is not ready and cannot serve traffic."));
        });
    }

    [TestCase(true, "CONDITION_FAILED", TestName = "An app needing 90 s fails seed 001's startup probe budget of 65 s")]
    [TestCase(false, "CONDITION_SUCCEEDED", TestName = "An app needing 90 s passes the default TCP startup probe's 240 s")]
    public async Task Slow_start(bool seedProbe, string expected)
    {
        await CreateAsync("web", Template(image: "europe-west1-docker.pkg.dev/demo/app/web:1.0.0-startup-90s", startupProbe: seedProbe ? Seed001Probe() : null));

        AdvanceSeconds(99);
        var early = await GetAsync("web");
        AdvanceSeconds(200);
        var late = await GetAsync("web");

        Assert.That(late["terminalCondition"]!["state"]!.GetValue<string>(), Is.EqualTo(expected));
        Assert.That(early["terminalCondition"]!["state"]!.GetValue<string>(), Is.EqualTo(seedProbe ? "CONDITION_FAILED" : "CONDITION_RECONCILING"));
    }

    [Test]
    public async Task A_crashing_container_fails_as_soon_as_it_starts()
    {
        await CreateAsync("web", Template(image: "europe-west1-docker.pkg.dev/demo/app/web:1.0.0-crash"));

        AdvanceSeconds(11);
        var service = await GetAsync("web");

        Assert.That(service["terminalCondition"]!["state"]!.GetValue<string>(), Is.EqualTo("CONDITION_FAILED"));
        Assert.That(service["terminalCondition"]!["message"]!.GetValue<string>(), Does.Contain("exited with code 1"));
    }
}
