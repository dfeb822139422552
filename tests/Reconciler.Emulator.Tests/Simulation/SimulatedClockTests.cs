using Microsoft.Extensions.Time.Testing;
using Reconciler.Emulator.Simulation;

namespace Reconciler.Emulator.Tests.Simulation;

internal sealed class SimulatedClockTests
{
    [Test]
    public void At_speed_60_one_second_of_the_clock_is_one_simulated_minute()
    {
        var time = new FakeTimeProvider();
        var clock = new SimulatedClock(time, speed: 60);
        var start = clock.Now;

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(clock.Now - start, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void Manual_advances_add_to_the_clock_driven_time()
    {
        var time = new FakeTimeProvider();
        var clock = new SimulatedClock(time, speed: 2);
        var start = clock.Now;

        clock.Advance(TimeSpan.FromMinutes(5));
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(clock.Now - start, Is.EqualTo(TimeSpan.FromSeconds(320)));
    }

    [Test]
    public void A_speed_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SimulatedClock(new FakeTimeProvider(), 0));
    }
}
