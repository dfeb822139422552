namespace Reconciler.Engine.Queue;

/// <summary>
/// A token bucket on <see cref="TimeProvider"/> (System.Threading.RateLimiting replenishes on real time,
/// which FakeTimeProvider cannot drive). <see cref="Reserve"/> takes a token now and says how long to wait for it.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double perSecond;
    private readonly int burst;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private double tokens;
    private long lastRefill;

    public TokenBucket(double perSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        this.perSecond = perSecond;
        this.burst = burst;
        this.time = time;
        tokens = burst;
        lastRefill = time.GetTimestamp();
    }

    /// <summary>Consumes one token (possibly going into debt) and returns the wait until that token exists.</summary>
    public TimeSpan Reserve()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(burst, tokens + (time.GetElapsedTime(lastRefill, now).TotalSeconds * perSecond));
            lastRefill = now;
            tokens -= 1;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / perSecond);
        }
    }
}
