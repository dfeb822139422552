using Reconciler.Core.Outcomes;

namespace Reconciler.Engine.Queue;

/// <summary>Per-key failure count → delay (the core's <see cref="RequeuePolicy.BackoffDelay"/>: base × 2^failures, capped). Thread-safe.</summary>
internal sealed class ExponentialBackoff<TKey>(TimeSpan baseDelay, TimeSpan maxDelay)
    where TKey : notnull
{
    private readonly RequeuePolicy policy = new(baseDelay, maxDelay);
    private readonly Dictionary<TKey, int> failures = [];
    private readonly Lock gate = new();

    /// <summary>Returns the delay for this failure and counts it.</summary>
    public TimeSpan Next(TKey key)
    {
        lock (gate)
        {
            var count = failures.GetValueOrDefault(key);
            failures[key] = count + 1;
            return policy.BackoffDelay(count);
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
