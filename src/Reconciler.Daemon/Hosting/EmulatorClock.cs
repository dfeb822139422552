using Reconciler.Emulator.Hosting;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// The embedded emulator's simulated clock as a <see cref="TimeProvider"/>: when the daemon runs on the emulator,
/// its deadlines and waits run at the emulator's speed, so a 10-minute progress deadline takes seconds of wall time.
/// </summary>
internal sealed class EmulatorClock(EmulatorControl control, double speed) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => control.Now;

    public override long GetTimestamp() => (long)(System.GetTimestamp() * speed);

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan t) => t == Timeout.InfiniteTimeSpan ? t : TimeSpan.FromTicks((long)(t.Ticks / speed));
}
