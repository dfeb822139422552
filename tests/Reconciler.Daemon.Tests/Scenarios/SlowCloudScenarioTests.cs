using Reconciler.Core.Health;
using Reconciler.Emulator.Faults;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Simulated time speeds up the cloud's clock, not the network: a cloud that answers in 100 ms of wall time must not
/// trip timeouts meant for real calls (at speed 600 a 20 s timeout on the simulated clock would be 33 ms).
/// </summary>
public sealed class SlowCloudScenarioTests
{
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
}
