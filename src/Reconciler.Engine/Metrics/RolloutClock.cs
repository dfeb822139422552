using System.Collections.Concurrent;
using Reconciler.Core.Model;

namespace Reconciler.Engine.Metrics;

/// <summary>
/// When each resource's current rollout began (the first reconcile that applied a change), so its end can be timed
/// for <c>reconciler_rollout_duration_seconds</c>. In memory: a rollout resumed after a restart is timed from the resume.
/// </summary>
internal sealed class RolloutClock
{
    private readonly ConcurrentDictionary<ResourceKey, DateTimeOffset> _started = new();

    public void Started(ResourceKey key, DateTimeOffset at) => _started.TryAdd(key, at);

    /// <summary>The rollout's length, or null when no start was seen (nothing is recorded then).</summary>
    public TimeSpan? Ended(ResourceKey key, DateTimeOffset at) => _started.TryRemove(key, out var start) ? at - start : null;

    public void Forget(ResourceKey key) => _started.TryRemove(key, out _);
}
