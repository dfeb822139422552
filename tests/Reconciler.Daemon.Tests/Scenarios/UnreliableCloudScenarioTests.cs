using Reconciler.Core.Health;
using Reconciler.Emulator.Faults;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>A cloud that is slow, throttles, fails and loses responses still converges, to exactly one revision.</summary>
public sealed class UnreliableCloudScenarioTests
{
    /// <summary>
    /// Simulated time speeds up the cloud's clock, not the network: a cloud that answers in 100 ms of wall time must not
    /// trip timeouts meant for real calls (at speed 600 a 20 s timeout on the simulated clock would be 33 ms).
    /// </summary>
    [Test]
    public async Task A_cloud_answering_in_100ms_still_converges_on_an_accelerated_clock()
    {
        await using var world = await DaemonHarness.StartAsync();
        world.Cloud.Control.Faults = new FaultOptions { LatencyMs = 100 };

        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        var status = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "web to converge through a slow cloud");

        Assert.That(status.LastError, Is.Null);
    }

    [Test]
    public async Task A_throttling_failing_cloud_that_loses_an_update_response_still_converges_to_one_new_revision()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood?.EndsWith("web:1") == true, "v1 to be known-good");
        world.Cloud.Control.Faults = new FaultOptions { ThrottleRate = 0.2, ErrorRate = 0.05 };
        var lost = false;
        world.Cloud.Control.OnCall(c => !lost && c.Operation == "UpdateService" && (lost = true) ? CallDirective.DropAfterApplying : CallDirective.Proceed);

        var v2 = await world.PushAsync(WebManifest.Yaml("v2"), "web v2");
        var status = await world.Daemon.WaitForAsync(WebManifest.Name,
            r => r.LastKnownGood?.EndsWith("web:2") == true && r.Health == HealthStatus.Healthy, "v2 to roll out through the faults");

        Assert.That(lost, Is.True, "the update's response was lost once");
        Assert.That(world.Cloud.Count("RegisterTaskDefinition"), Is.EqualTo(2), "web:1 and web:2 only");
        Assert.That(status.AppliedRevision, Is.EqualTo(v2));
    }
}
