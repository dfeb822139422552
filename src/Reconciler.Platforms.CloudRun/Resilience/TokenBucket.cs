namespace Reconciler.Platforms.CloudRun.Resilience;

/// <summary>
/// A token bucket on an injected <see cref="TimeProvider"/> (so tests drive it with a fake clock). Callers wait for
/// a token instead of being rejected: the reconciler slows down below the API quota rather than getting throttled.
/// </summary>
internal sealed class TokenBucket(double perSecond, int burst, TimeProvider time)
{
    private readonly object _gate = new();
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    public async ValueTask WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
                _last = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }
                wait = TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            }
            await Task.Delay(wait, time, ct);
        }
    }
}
