using System.Collections.Concurrent;
using Reconciler.Core.Model;

namespace Reconciler.Core.Passes;

/// <summary>
/// What a platform fetched up front for one pass (<see cref="Seams.IPassObserver.BeginPassAsync"/>): per key, the
/// cloud's answer at a location (ECS: region and cluster; Cloud Run: project and region). Each entry serves one
/// observation of its key, once, and only at the location the manifest still names; a new pass replaces them all; an
/// entry fetched before a write to its resource ended is dropped (every write bumps the key's generation, and an
/// entry remembers the generation it was fetched at), so a prefetched answer is never older than the last change
/// the daemon made. Both platforms use this class.
/// </summary>
public sealed class PassObservations<TObserved> where TObserved : class
{
    private readonly ConcurrentDictionary<ResourceKey, long> _generations = new();
    private ConcurrentDictionary<ResourceKey, Entry> _entries = new();

    /// <summary>The key's write generation, read before its prefetch request is sent.</summary>
    public long Generation(ResourceKey key) => _generations.GetValueOrDefault(key);

    /// <summary>Called when a write to the key's resource ended, whether it succeeded or not.</summary>
    public void Written(ResourceKey key)
    {
        _generations.AddOrUpdate(key, 1, (_, g) => g + 1);
        _entries.TryRemove(key, out _);
    }

    /// <summary>Starts a pass: whatever the previous pass left unused is forgotten.</summary>
    public ConcurrentDictionary<ResourceKey, Entry> Begin()
    {
        var fresh = new ConcurrentDictionary<ResourceKey, Entry>();
        Volatile.Write(ref _entries, fresh);
        return fresh;
    }

    /// <summary>The prefetched answer (null = the resource does not exist) for this key at this location, if one is there and still current.</summary>
    public bool TryTake(ResourceKey key, string location, out TObserved? observed)
    {
        observed = null;
        if (!Volatile.Read(ref _entries).TryRemove(key, out var entry)
            || entry.Location != location
            || entry.Generation != Generation(key))
        {
            return false;
        }
        observed = entry.Observed;
        return true;
    }

    public sealed record Entry(string Location, long Generation, TObserved? Observed);
}
