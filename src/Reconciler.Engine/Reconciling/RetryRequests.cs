using System.Collections.Concurrent;
using Reconciler.Core.Model;

namespace Reconciler.Engine.Reconciling;

/// <summary>Operator requests (<c>reconciler retry NAME</c>) to lift a failed-rollout pin once.</summary>
public sealed class RetryRequests
{
    private readonly ConcurrentDictionary<ResourceKey, bool> _pending = new();

    public void Request(ResourceKey key) => _pending[key] = true;

    /// <summary>True once per request: the next reconcile of the key may re-apply a pinned spec.</summary>
    public bool Take(ResourceKey key) => _pending.TryRemove(key, out _);
}
