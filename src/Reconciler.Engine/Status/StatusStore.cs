using System.Collections.Concurrent;
using Reconciler.Core.Health;
using Reconciler.Core.Model;

namespace Reconciler.Engine.Status;

/// <summary>
/// In-memory status of every resource and of the source. Written only in the reconcile's <c>finally</c> and by the
/// source loop; read by <c>/status</c>. The events ring per resource is bounded.
/// </summary>
public sealed class StatusStore
{
    public const int MaxEvents = 20;
    private readonly ConcurrentDictionary<ResourceKey, ResourceStatus> _resources = new();
    private SourceState _source = SourceState.Initial("");

    private ShardState? _shard;

    public SourceState Source => Volatile.Read(ref _source);

    /// <summary>Null when one replica owns everything.</summary>
    public ShardState? Shard => Volatile.Read(ref _shard);

    public void SetShard(ShardState state)
    {
        Volatile.Write(ref _shard, state);
        Changed?.Invoke();
    }

    /// <summary>Raised after every change of the source or of a resource (tests await it instead of sleeping).</summary>
    public event Action? Changed;

    public void SetSource(SourceState state)
    {
        Volatile.Write(ref _source, state);
        Changed?.Invoke();
    }

    public ResourceStatus? Get(ResourceKey key) => _resources.TryGetValue(key, out var s) ? s : null;

    public IReadOnlyList<ResourceStatus> All() =>
        _resources.Values.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    public ResourceStatus Update(ResourceKey key, Func<ResourceStatus, ResourceStatus> change)
    {
        var updated = _resources.AddOrUpdate(key, k => change(Empty(k)), (_, old) => change(old));
        Changed?.Invoke();
        return updated;
    }

    public void Remove(ResourceKey key)
    {
        _resources.TryRemove(key, out _);
        Changed?.Invoke();
    }

    /// <summary>Completes when <paramref name="condition"/> holds (checked now and after every change); throws TimeoutException after <paramref name="timeout"/>.</summary>
    public Task WaitUntilAsync(Func<StatusStore, bool> condition, TimeSpan timeout, CancellationToken ct = default) =>
        StatusWaiter.WaitAsync(this, condition, timeout, ct);

    /// <summary>Appends an event, keeping the newest <see cref="MaxEvents"/>; consecutive duplicates are folded.</summary>
    public static IReadOnlyList<ResourceEvent> Append(IReadOnlyList<ResourceEvent> events, ResourceEvent next)
    {
        if (events.Count > 0 && events[^1].Reason == next.Reason && events[^1].Message == next.Message)
        {
            return events;
        }
        var list = events.Count >= MaxEvents ? events.Skip(events.Count - MaxEvents + 1).ToList() : events.ToList();
        list.Add(next);
        return list;
    }

    private static ResourceStatus Empty(ResourceKey key) =>
        new(key.Kind, key.Name, SyncStatus.Unknown, HealthStatus.Unknown, null, null, null, "", null, [], [], null, 0);
}
