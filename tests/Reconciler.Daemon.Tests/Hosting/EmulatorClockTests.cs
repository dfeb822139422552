using Microsoft.Extensions.Time.Testing;
using Reconciler.Daemon.Hosting;
using Reconciler.Emulator.Hosting;

namespace Reconciler.Daemon.Tests.Hosting;

/// <summary>The emulator's clock as the daemon's TimeProvider: elapsed time and timers run <c>speed</c> times faster.</summary>
public sealed class EmulatorClockTests
{
    [TestCase(600)]
    [TestCase(100_000)]
    public async Task Elapsed_time_runs_speed_times_faster_without_overflowing(double speed)
    {
        var wall = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Speed = speed, TimeProvider = wall });
        var clock = new EmulatorClock(emulator.State, speed, wall);

        var start = clock.GetTimestamp();
        wall.Advance(TimeSpan.FromSeconds(1));

        Assert.That(clock.GetElapsedTime(start), Is.EqualTo(TimeSpan.FromSeconds(speed)));
    }

    [Test]
    public async Task A_timer_fires_after_its_due_time_divided_by_the_speed()
    {
        var wall = new FakeTimeProvider();
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Speed = 600, TimeProvider = wall });
        var clock = new EmulatorClock(emulator.State, 600, wall);
        var fired = 0;

        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        wall.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(fired, Is.Zero);
        wall.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(fired, Is.EqualTo(1));
    }

    [Test]
    public async Task Now_is_the_emulators_simulated_time()
    {
        var wall = new FakeTimeProvider();
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Speed = 60, TimeProvider = wall });
        var clock = new EmulatorClock(emulator.State, 60, wall);
        var before = clock.GetUtcNow();

        wall.Advance(TimeSpan.FromSeconds(2));
        emulator.State.AdvanceTime(TimeSpan.FromMinutes(5));

        Assert.That(clock.GetUtcNow() - before, Is.EqualTo(TimeSpan.FromMinutes(7)));
    }
}
