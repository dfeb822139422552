using Reconciler.Core.Health;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Issue 4, story 2: a rollout that fails is rolled back to the last known-good, reported Degraded with the reason,
/// never re-applied on later resyncs, and a fixing commit converges.
/// </summary>
public sealed class RollbackScenarioTests
{
    private static IEnumerable<TestCaseData> FailingRollouts()
    {
        yield return new TestCaseData(WebManifest.Yaml("v2-unhealthy"), "Task failed container health checks")
            .SetName("an unhealthy image with the circuit breaker on is rolled back and pinned");
        // startPeriod 4m: the tasks give up at 4m + 3 × 30s = 5.5m, so the 2m deadline is reached first. With the
        // default 30s they gave up at exactly 2m and "keep stopping" raced the deadline (CI failed on that once).
        yield return new TestCaseData(WebManifest.Yaml("v2-unhealthy", circuitBreaker: false, startPeriod: "4m", progressDeadline: "2m"), "no steady state within the progress deadline of 2m")
            .SetName("with the circuit breaker off the daemon's own 2m progress deadline rolls an unhealthy image back");
        yield return new TestCaseData(WebManifest.Yaml("v2-unhealthy", circuitBreaker: false), "Task failed container health checks")
            .SetName("with the circuit breaker off the daemon rolls back on stopped tasks before its 10m deadline");
        yield return new TestCaseData(WebManifest.Yaml("v2-startup-90s", startPeriod: "0s"), "Task failed container health checks")
            .SetName("a 90s start-up against startPeriod 0s (seed 000) is rolled back and pinned");
    }

    [TestCaseSource(nameof(FailingRollouts))]
    public async Task A_failing_rollout_is_rolled_back_once_and_a_fix_converges(string badYaml, string reason)
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true && r.Health == HealthStatus.Healthy, "v1 to be known-good");

        var bad = await world.PushAsync(badYaml, "web v2: broken");
        var degraded = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.DesiredRevision == bad && r.Health == HealthStatus.Degraded && r.Sync == SyncStatus.OutOfSync, "the failed rollout to be reported");

        Assert.That(degraded.Message, Does.Contain(reason));
        Assert.That(degraded.Events.Select(e => e.Reason), Does.Contain("RollBack"));
        Assert.That(degraded.LastKnownGood, Does.EndWith("web:1"));
        await AssertNoReapplyOverResyncs(world, degraded);
        var service = await world.Cloud.WebAsync();
        Assert.That(service.TaskDefinition, Does.EndWith("web:1"), "the cloud runs the last known-good again");
        Assert.That(service.Deployments!.Single().RolloutState, Is.EqualTo("COMPLETED"));

        var fix = await world.PushAsync(WebManifest.Yaml("v3"), "web v3: fixed");
        var fixedStatus = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.AppliedRevision == fix && r.LastKnownGood?.EndsWith("web:3") == true && r.Health == HealthStatus.Healthy, "the fix to converge");
        Assert.That(fixedStatus.Sync, Is.EqualTo(SyncStatus.Synced));
    }

    /// <summary>Several resyncs later nothing was registered or updated again: the failed spec is pinned.</summary>
    private static async Task AssertNoReapplyOverResyncs(DaemonHarness world, ResourceStatus degraded)
    {
        var registrations = world.Cloud.Count("RegisterTaskDefinition");
        var updates = world.Cloud.Count("UpdateService");
        var since = degraded.LastReconciledAt!.Value;
        var later = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastReconciledAt >= since + (4 * new HarnessOptions().Resync), "four more resync cycles");

        Assert.That(world.Cloud.Count("RegisterTaskDefinition"), Is.EqualTo(registrations), "no new task definition");
        Assert.That(world.Cloud.Count("UpdateService"), Is.EqualTo(updates), "no re-apply of the failed spec");
        Assert.That(later.Health, Is.EqualTo(HealthStatus.Degraded));
        Assert.That(later.Message, Does.Contain("reconciler retry web"));
    }
}
