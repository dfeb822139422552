using Reconciler.Core.Health;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Issue 8, "the plan is the whole truth": across a create, an image change, a tags-only change and a rollback,
/// the actions the daemon counts in <c>reconciler_actions_total</c> are exactly the writes the cloud received.
/// </summary>
public sealed class PlanTruthScenarioTests
{
    [Test]
    public async Task Every_write_the_cloud_saw_is_a_planned_action_counted_in_reconciler_actions_total()
    {
        await using var world = await DaemonHarness.StartAsync();
        var before = Writes(world);

        await world.PushAsync(WebManifest.Yaml("v1"), "create web");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true && r.Health == HealthStatus.Healthy, "v1 known-good");
        await world.PushAsync(WebManifest.Yaml("v2"), "web v2");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:2") == true && r.Health == HealthStatus.Healthy, "v2 known-good");
        var tags = await world.PushAsync(WebManifest.Yaml("v2") + "  tags:\n    team: checkout\n", "web: tags only");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.AppliedRevision == tags && r.Sync == SyncStatus.Synced, "the tags to be applied");
        await world.PushAsync(WebManifest.Yaml("v3-unhealthy") + "  tags:\n    team: checkout\n", "web v3: broken");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Health == HealthStatus.Degraded && r.Events.Any(e => e.Reason == "RollBack"), "the rollback");

        var metrics = ScrapedMetrics.Parse(await world.Daemon.Http.GetStringAsync("/metrics"));
        double Planned(string action) => metrics.Sum("reconciler_actions_total", ("kind", "EcsService"), ("action", action));
        var written = Writes(world).ToDictionary(w => w.Key, w => w.Value - before.GetValueOrDefault(w.Key));

        Assert.Multiple(() =>
        {
            Assert.That(Planned("CreateService"), Is.EqualTo(1));
            Assert.That(Planned("RollBack"), Is.EqualTo(1));
            Assert.That(written["RegisterTaskDefinition"], Is.EqualTo(Planned("RegisterTaskDefinition")), "registrations");
            Assert.That(written["CreateService"], Is.EqualTo(Planned("CreateService")), "creations");
            // A rollback is an UpdateService pointing the service back at the last known-good.
            Assert.That(written["UpdateService"], Is.EqualTo(Planned("UpdateService") + Planned("RollBack")), "updates");
            Assert.That(written["TagResource"], Is.EqualTo(Planned("TagResource")), "tag writes");
            Assert.That(written.GetValueOrDefault("UntagResource") + written.GetValueOrDefault("DeleteService"), Is.Zero);
        });
    }

    private static Dictionary<string, int> Writes(DaemonHarness world) =>
        new[] { "RegisterTaskDefinition", "CreateService", "UpdateService", "TagResource", "UntagResource", "DeleteService" }
            .ToDictionary(op => op, world.Cloud.Count);
}
