using Reconciler.Core.Health;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>Issue 4, story 1: a commit converges; a new image rolls out as exactly one new revision and becomes last known-good.</summary>
public sealed class RolloutScenarioTests
{
    [Test]
    public async Task A_committed_service_converges_and_a_new_image_rolls_out_as_one_new_revision()
    {
        await using var world = await DaemonHarness.StartAsync();
        var v1 = await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        var first = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.Sync == SyncStatus.Synced && r.Health == HealthStatus.Healthy && r.LastKnownGood is not null, "web v1 to be Synced and Healthy");
        Assert.That(first.AppliedRevision, Is.EqualTo(v1));
        Assert.That(first.LastKnownGood, Does.EndWith("task-definition/web:1"));
        var registrations = world.Cloud.Count("RegisterTaskDefinition");

        var v2 = await world.PushAsync(WebManifest.Yaml("v2"), "web v2");
        var second = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.AppliedRevision == v2 && r.LastKnownGood?.EndsWith(":2") == true && r.Health == HealthStatus.Healthy, "web v2 to complete");

        Assert.That(world.Cloud.Count("RegisterTaskDefinition") - registrations, Is.EqualTo(1), "exactly one new task definition revision");
        Assert.That(second.Sync, Is.EqualTo(SyncStatus.Synced));
        var service = await world.Cloud.WebAsync();
        Assert.That(service.TaskDefinition, Does.EndWith("task-definition/web:2"));
        Assert.That(service.Deployments!.Single().RolloutState, Is.EqualTo("COMPLETED"));
        Assert.That(service.RunningCount, Is.EqualTo(2));
    }
}
