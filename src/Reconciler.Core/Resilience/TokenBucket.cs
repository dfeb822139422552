namespace Reconciler.Core.Resilience;

/// <summary>
/// The one token bucket of the code base, on an injected <see cref="TimeProvider"/> (System.Threading.RateLimiting
/// replenishes on real time, which a fake clock cannot drive). Two ways to take a token: <see cref="WaitAsync"/>
/// waits until one exists (cloud calls: the reconciler slows down below the API quota rather than being throttled),
/// <see cref="Reserve"/> takes one now, possibly into debt, and says how long the caller must wait for it (the
/// work queue's hand-out rate, which schedules instead of blocking).
/// </summary>
public sealed class TokenBucket
{
    private readonly double _perSecond;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _last;

    public TokenBucket(double perSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _perSecond = perSecond;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Waits until a token exists and takes it; a cancelled wait takes none.</summary>
    public async ValueTask WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                Refill();
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }
                wait = TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            }
            await Task.Delay(wait, _time, ct);
        }
    }

    /// <summary>Consumes one token (possibly going into debt) and returns the wait until that token exists.</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _perSecond);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _perSecond));
        _last = now;
    }
}
