using Reconciler.Core.Health;
using Reconciler.Daemon.Commands;
using Reconciler.Engine.Status;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Seed 001 through the daemon (`reconciler run` on a real git repository and the embedded emulator): the Cloud Run
/// service is deployed from a commit, a hotfix whose revision never becomes Ready is rolled back by itself, status
/// and <c>reconciler status</c> say why, <c>reconciler retry</c> deploys it once more, and a fixing commit converges.
/// </summary>
public sealed class CloudRunScenarioTests
{
    private const string Kind = "CloudRunService";
    private const string Name = "emergence-app";
    private const string Image = "emergence-app:v2025.10.11";
    private static readonly string Yaml = File.ReadAllText(Path.Combine(RepoPaths.Examples, "emergence-app.yaml"));

    private static string WithImage(string image) => Yaml.Replace(Image, image, StringComparison.Ordinal);

    [Test]
    public async Task A_never_ready_hotfix_is_rolled_back_by_the_daemon_retried_once_on_request_and_a_fixing_commit_converges()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(Yaml, "emergence-app v2025.10.11");
        var good = await world.Daemon.WaitForAsync(Name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "the first revision to be known-good", Kind);

        var bad = await world.PushAsync(WithImage("emergence-app:v2025.10.12-unhealthy"), "hotfix");
        var degraded = await world.Daemon.WaitForAsync(Name,
            r => r.DesiredRevision == bad && r.Health == HealthStatus.Degraded && r.Message.Contains("reconciler retry emergence-app"), "the rollback and pin", Kind);

        Assert.That(degraded.Events.Select(e => e.Reason), Does.Contain("RollBack"));
        Assert.That(degraded.LastKnownGood, Is.EqualTo(good.LastKnownGood), "traffic went back to the revision that was good");
        Assert.That(degraded.Message + " " + string.Join(" ", degraded.Events.Select(e => e.Message)), Does.Contain("HEALTH_CHECK_CONTAINER_ERROR"), "the revision's reason is reported");
        var table = new StringWriter();
        Assert.That(await StatusCommand.RunAsync(world.Daemon.BaseUri.ToString(), null, table, TextWriter.Null, CancellationToken.None), Is.EqualTo(3));
        Assert.That(table.ToString().Split('\n').Single(l => l.Contains(Name)), Does.Contain("Degraded"));
        var patches = world.Cloud.Control.CallCount("services.patch", Emulator.Wire.CallOutcome.Succeeded);

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.That(await RetryCommand.RunAsync(world.Daemon.BaseUri.ToString(), null, Name, null, stdout, stderr, CancellationToken.None), Is.EqualTo(0), stderr.ToString());
        var again = await world.Daemon.WaitForAsync(Name,
            r => r.Events.Count(e => e.Reason == "RollBack") > degraded.Events.Count(e => e.Reason == "RollBack"), "the retried revision to fail and roll back", Kind);
        Assert.That(world.Cloud.Control.CallCount("services.patch", Emulator.Wire.CallOutcome.Succeeded), Is.GreaterThan(patches), "the pinned spec was deployed once more");
        Assert.That(again.Health, Is.EqualTo(HealthStatus.Degraded));

        var fix = await world.PushAsync(WithImage("emergence-app:v2025.10.13"), "fix");
        var fixedStatus = await world.Daemon.WaitForAsync(Name,
            r => r.AppliedRevision == fix && r.Health == HealthStatus.Healthy && r.LastKnownGood != good.LastKnownGood, "the fix to converge", Kind);
        Assert.That(fixedStatus.Sync, Is.EqualTo(SyncStatus.Synced));
    }
}
