using Reconciler.Core.Health;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Issue 4, story 5: the daemon dies mid-rollout and a new one (same cloud, same repo) resumes from what the cloud says:
/// no duplicate task definition revision, and a failing rollout is still rolled back.
/// </summary>
public sealed class RestartScenarioTests
{
    [Test]
    public async Task A_daemon_killed_between_register_and_update_is_resumed_without_a_second_revision()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true, "v1 to be known-good");
        var death = new ProcessDeathHook("RegisterTaskDefinition");
        world.Cloud.Control.AddHook(death);

        var v2 = await world.PushAsync(WebManifest.Yaml("v2"), "web v2");
        await death.Died.WaitAsync(TimeSpan.FromSeconds(30));
        await world.StopDaemonAsync();
        death.Revive();
        Assert.That((await world.Cloud.WebAsync()).TaskDefinition, Does.EndWith("web:1"), "the update never arrived");
        await world.StartDaemonAsync();

        var resumed = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastKnownGood?.EndsWith("web:2") == true && r.Health == HealthStatus.Healthy, "the new daemon to finish the rollout");
        Assert.That(world.Cloud.Count("RegisterTaskDefinition"), Is.EqualTo(2), "web:1 and web:2, no web:3");
        Assert.That(resumed.AppliedRevision, Is.EqualTo(v2));
    }

    [Test]
    public async Task A_daemon_killed_during_a_failing_rollout_is_resumed_and_the_rollout_still_rolls_back()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true, "v1 to be known-good");

        var bad = await world.PushAsync(WebManifest.Yaml("v2-unhealthy", circuitBreaker: false), "web v2 unhealthy");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.DesiredRevision == bad && r.Health == HealthStatus.Progressing, "the rollout to start");
        await world.RestartDaemonAsync();

        var degraded = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.Health == HealthStatus.Degraded && r.Sync == SyncStatus.OutOfSync, "the new daemon to roll back");
        Assert.That(degraded.Message, Does.Contain("Task failed container health checks"));
        var later = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastReconciledAt >= degraded.LastReconciledAt + (4 * new HarnessOptions().Resync), "four more resyncs");
        Assert.That(world.Cloud.Count("RegisterTaskDefinition"), Is.EqualTo(2), "web:1 and web:2, no duplicate");
        Assert.That((await world.Cloud.WebAsync()).TaskDefinition, Does.EndWith("web:1"));
        Assert.That(later.Health, Is.EqualTo(HealthStatus.Degraded));
    }

    [Test]
    public async Task A_daemon_killed_right_after_its_rollback_call_is_resumed_and_the_failed_spec_stays_pinned()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true, "v1 to be known-good");
        var bad = await world.PushAsync(WebManifest.Yaml("v2-unhealthy", circuitBreaker: false), "web v2 unhealthy");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.DesiredRevision == bad && r.Health == HealthStatus.Progressing, "the rollout to start");
        var death = new ProcessDeathHook("UpdateService");
        world.Cloud.Control.AddHook(death);

        await death.Died.WaitAsync(TimeSpan.FromSeconds(30));
        await world.StopDaemonAsync();
        death.Revive();
        Assert.That((await world.Cloud.WebAsync()).Tags!.Any(t => t.Key == "reconciler.io/failed-fingerprint"), Is.False, "died before the pin was written");
        await world.StartDaemonAsync();

        var pinned = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.Health == HealthStatus.Degraded && r.Message.Contains("reconciler retry web"), "the new daemon to pin the failed spec");
        var updates = world.Cloud.Count("UpdateService");
        await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastReconciledAt >= pinned.LastReconciledAt + (4 * new HarnessOptions().Resync), "four more resyncs");
        Assert.That(world.Cloud.Count("UpdateService"), Is.EqualTo(updates), "no re-apply of the failed spec");
        Assert.That(world.Cloud.Count("RegisterTaskDefinition"), Is.EqualTo(2));
        Assert.That((await world.Cloud.WebAsync()).TaskDefinition, Does.EndWith("web:1"));
    }
}
