using Reconciler.Emulator.Hosting;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// The embedded emulator's simulated clock as a <see cref="TimeProvider"/>: when the daemon runs on the emulator,
/// its deadlines and waits run at the emulator's speed, so a 10-minute progress deadline takes seconds of wall time.
/// <paramref name="wall"/> is the clock the emulator itself derives from (the system clock outside tests).
/// </summary>
internal sealed class EmulatorClock(EmulatorControl control, double speed, TimeProvider? wall = null) : TimeProvider
{
    private readonly TimeProvider _wall = wall ?? System;
    private readonly long _origin = (wall ?? System).GetTimestamp();

    public override DateTimeOffset GetUtcNow() => control.Now;

    /// <summary>Scaled from an origin, not from zero: a raw timestamp times the speed overflows a long.</summary>
    public override long GetTimestamp() => _origin + (long)((_wall.GetTimestamp() - _origin) * speed);

    public override long TimestampFrequency => _wall.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _wall.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan t) => t == Timeout.InfiniteTimeSpan ? t : TimeSpan.FromTicks((long)(t.Ticks / speed));
}
