using System.Net;
using System.Text.Json;
using Reconciler.Core.Health;
using Reconciler.Daemon.Commands;
using Reconciler.Daemon.Tests.Hosting;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>Issue 4, story 7: what an operator sees — probes, /status, <c>reconciler status</c> and <c>reconciler retry</c>.</summary>
public sealed class OperatorSurfaceScenarioTests
{
    [Test]
    public async Task Readyz_is_503_until_the_source_is_fetched_while_healthz_is_always_200()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { Branch = "release" }, WebManifest.Yaml("v1"));
        await world.Daemon.WaitAsync(s => s.Source.FetchError is not null, "the fetch of a branch that does not exist yet to fail");

        Assert.That((await world.Daemon.Http.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await world.Daemon.Http.GetAsync("/readyz")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

        world.Repo.CreateBranch("release");
        await world.Daemon.FetchAsync(world.Repo.Git("rev-parse", "release").Trim());

        Assert.That((await world.Daemon.Http.GetAsync("/readyz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await world.Daemon.Http.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Status_json_and_the_status_command_show_sync_health_revisions_and_last_known_good()
    {
        await using var world = await DaemonHarness.StartAsync();
        var v1 = await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "web to converge");

        using var json = JsonDocument.Parse(await world.Daemon.Http.GetStringAsync("/status"));
        var web = json.RootElement.GetProperty("resources").EnumerateArray().Single();
        Assert.That(Field(web, "kind"), Is.EqualTo("EcsService"));
        Assert.That(Field(web, "name"), Is.EqualTo("web"));
        Assert.That((Field(web, "sync"), Field(web, "health")), Is.EqualTo(("Synced", "Healthy")));
        Assert.That((Field(web, "desiredRevision"), Field(web, "appliedRevision")), Is.EqualTo((v1, v1)));
        Assert.That(Field(web, "lastKnownGood"), Does.EndWith("task-definition/web:1"));
        Assert.That(Field(web, "message"), Is.Not.Empty);

        var home = Directory.CreateTempSubdirectory("reconciler-home-").FullName;
        var (exit, stdout, stderr) = await ReconcilerBinary.RunAsync(home, "status", "--url", world.Daemon.BaseUri.ToString());
        Directory.Delete(home, recursive: true);
        Assert.That(exit, Is.EqualTo(0), stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Single(l => l.StartsWith("KIND")), Does.Contain("SYNC").And.Contain("LAST KNOWN-GOOD"));
        Assert.That(lines.Single(l => l.StartsWith("EcsService")), Does.Match($@"web\s+Synced\s+Healthy\s+{v1[..12]}\s+{v1[..12]}\s+web:1\s"));
    }

    [Test]
    public async Task Retry_lifts_the_pin_once_and_the_failing_spec_is_rolled_back_and_pinned_again()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true, "v1 to be known-good");
        await world.PushAsync(WebManifest.Yaml("v2-unhealthy", circuitBreaker: false), "web v2 unhealthy");
        var pinned = await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Message.Contains("reconciler retry web"), "the failed spec to be pinned");
        var updates = world.Cloud.Count("UpdateService");
        var table = new StringWriter();
        Assert.That(await StatusCommand.RunAsync(world.Daemon.BaseUri.ToString(), table, TextWriter.Null, CancellationToken.None), Is.EqualTo(3),
            "status exits 3 while a resource is Degraded, for scripts and CI");
        Assert.That(table.ToString(), Does.Contain("Degraded"));

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        // No --kind: the daemon finds the one declared resource named web.
        var exit = await RetryCommand.RunAsync(world.Daemon.BaseUri.ToString(), null, "web", stdout, stderr, CancellationToken.None);
        Assert.That(exit, Is.EqualTo(0), stderr.ToString());
        Assert.That(stdout.ToString(), Does.Contain("retry requested"));

        var again = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.Events.Count(e => e.Reason == "RollBack") > pinned.Events.Count(e => e.Reason == "RollBack"), "the retried rollout to fail and roll back");
        Assert.That(world.Cloud.Count("UpdateService"), Is.GreaterThan(updates), "the pinned spec was applied once more");
        var settled = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastReconciledAt >= again.LastReconciledAt + (4 * new HarnessOptions().Resync) && r.Message.Contains("reconciler retry web"), "the pin to hold again");
        var afterRetry = world.Cloud.Count("UpdateService");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastReconciledAt >= settled.LastReconciledAt + (3 * new HarnessOptions().Resync), "three more resyncs");
        Assert.That(world.Cloud.Count("UpdateService"), Is.EqualTo(afterRetry), "one retry, not a loop");
    }

    [Test]
    public async Task Retry_of_a_resource_that_is_not_declared_fails_with_a_clear_message()
    {
        await using var world = await DaemonHarness.StartAsync(initialYaml: WebManifest.Yaml("v1"));
        await world.Daemon.WaitAsync(s => s.Source.Revision is not null, "the first fetch");

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await RetryCommand.RunAsync(world.Daemon.BaseUri.ToString(), "EcsService", "nope", stdout, stderr, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Does.Contain("404").And.Contain("EcsService/nope is not declared"));
    }

    [Test]
    public async Task Retry_without_a_kind_of_a_name_nobody_declares_fails_with_a_clear_message()
    {
        await using var world = await DaemonHarness.StartAsync(initialYaml: WebManifest.Yaml("v1"));
        await world.Daemon.WaitAsync(s => s.Source.Revision is not null, "the first fetch");

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await RetryCommand.RunAsync(world.Daemon.BaseUri.ToString(), null, "nope", stdout, stderr, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Does.Contain("404").And.Contain("no resource named nope is declared"));
    }

    private static string? Field(JsonElement e, string name) => e.GetProperty(name).GetString();
}
