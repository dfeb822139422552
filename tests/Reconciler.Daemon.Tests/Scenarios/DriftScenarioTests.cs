using Reconciler.Core.Health;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>Issue 4, story 3: a change made in the cloud behind the daemon's back is corrected on the next resync and counted.</summary>
public sealed class DriftScenarioTests
{
    [Test]
    public async Task A_desired_count_changed_in_the_cloud_is_corrected_on_resync_and_counted_as_drift()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        var converged = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "web to converge");
        Assert.That(converged.DriftCount, Is.Zero);

        await world.Cloud.ScaleWebBehindTheDaemonsBackAsync(desiredCount: 5);
        var corrected = await world.Daemon.WaitForAsync(WebManifest.Name, r => r.DriftCount > 0, "the drift to be detected");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Sync == SyncStatus.Synced && r.LastReconciledAt > corrected.LastReconciledAt, "the next reconcile");

        Assert.That((await world.Cloud.WebAsync()).DesiredCount, Is.EqualTo(2), "git says 2");
        Assert.That(corrected.DriftCount, Is.EqualTo(1));
        Assert.That(corrected.Message, Does.Contain("desiredCount"));
        var metrics = ScrapedMetrics.Parse(await world.Daemon.Http.GetStringAsync("/metrics"));
        Assert.That(metrics.Value("reconciler_drift_detected_total", ("kind", "EcsService"), ("name", "web")), Is.EqualTo(1));
    }

    [Test]
    public async Task With_self_heal_off_a_change_in_the_cloud_is_reported_and_left_alone()
    {
        await using var world = await DaemonHarness.StartAsync();
        var yaml = WebManifest.Yaml("v1") + "  syncPolicy:\n    selfHeal: false\n";
        await world.PushAsync(yaml, "web v1, no self-heal");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "web to converge");
        await world.Cloud.ScaleWebBehindTheDaemonsBackAsync(desiredCount: 5);
        var writes = world.Cloud.WriteCalls();

        var reported = await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Message.Contains("selfHeal is false"), "the drift to be reported");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastReconciledAt >= reported.LastReconciledAt + (3 * new HarnessOptions().Resync), "three more resyncs");

        Assert.That(reported.Sync, Is.EqualTo(SyncStatus.OutOfSync));
        Assert.That(reported.Message, Does.Contain("desiredCount"));
        Assert.That(world.Cloud.WriteCalls(), Is.EqualTo(writes), "nothing written back");
        Assert.That((await world.Cloud.WebAsync()).DesiredCount, Is.EqualTo(5));
    }
}
