namespace Reconciler.Emulator.Simulation;

/// <summary>
/// Simulated time: the injected clock's elapsed time multiplied by <c>speed</c>, plus any manual advances.
/// With a FakeTimeProvider and speed 1, a test moves simulated time exactly as far as it advances the fake.
/// </summary>
internal sealed class SimulatedClock
{
    private readonly TimeProvider _time;
    private readonly double _speed;
    private readonly DateTimeOffset _origin;
    private readonly Lock _gate = new();
    private TimeSpan _manual;
    private DateTimeOffset _last;

    public SimulatedClock(TimeProvider time, double speed)
    {
        if (speed <= 0 || double.IsNaN(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be greater than 0");
        }
        _time = time;
        _speed = speed;
        _origin = time.GetUtcNow();
        _last = _origin;
    }

    public TimeProvider Wall => _time;

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                var elapsed = (_time.GetUtcNow() - _origin) * _speed;
                var now = _origin + elapsed + _manual;
                // Never run backwards, even if the injected clock does.
                _last = now > _last ? now : _last;
                return _last;
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "time only moves forward");
        }
        lock (_gate) { _manual += by; }
    }
}
