using Microsoft.Extensions.Time.Testing;
using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Simulation;

internal sealed class AcceleratedTimeTests
{
    [Test]
    public async Task At_the_default_speed_two_clock_seconds_are_enough_for_a_rollout_of_two_simulated_minutes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = time });
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var aws = new WireClient(http);
        var arn = await aws.RegisterAsync("web", "shop/web:1", EcsSteps.HealthCheck());
        await aws.CreateServiceAsync("web", arn, 1);

        time.Advance(TimeSpan.FromSeconds(0.5));
        var early = await aws.ServiceAsync("web");
        time.Advance(TimeSpan.FromSeconds(1.5));
        var later = await aws.ServiceAsync("web");

        Assert.That(early.Primary().Text("rolloutState"), Is.EqualTo("IN_PROGRESS"), "30 simulated seconds: still starting");
        Assert.That(later.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
    }
}
