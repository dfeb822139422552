namespace Reconciler.Engine.Queue;

/// <summary>Per-key failure count → delay: base × 2^failures, capped. Thread-safe.</summary>
internal sealed class ExponentialBackoff<TKey>(TimeSpan baseDelay, TimeSpan maxDelay)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> failures = [];
    private readonly Lock gate = new();

    /// <summary>Returns the delay for this failure and counts it.</summary>
    public TimeSpan Next(TKey key)
    {
        lock (gate)
        {
            var count = failures.GetValueOrDefault(key);
            failures[key] = count + 1;
            // Computed in double so a long failure streak saturates at the cap instead of overflowing.
            var ticks = baseDelay.Ticks * Math.Pow(2, count);
            return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
        }
    }

    public void Forget(TKey key)
    {
        lock (gate)
        {
            failures.Remove(key);
        }
    }

    public int Failures(TKey key)
    {
        lock (gate)
        {
            return failures.GetValueOrDefault(key);
        }
    }
}
