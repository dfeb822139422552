using System.Collections.Concurrent;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>
/// The services described up front for one pass (<see cref="EcsPlatform.BeginPassAsync"/>). Each entry serves one
/// observation of its key, once; a new pass replaces them all; an entry fetched before a write to its service ended
/// is dropped (every write bumps the key's generation, and an entry remembers the generation it was fetched at), so
/// a prefetched answer is never older than the last change the daemon made.
/// </summary>
internal sealed class PassObservations
{
    private readonly ConcurrentDictionary<ResourceKey, long> _generations = new();
    private ConcurrentDictionary<ResourceKey, Entry> _entries = new();

    /// <summary>The key's write generation, read before its prefetch request is sent.</summary>
    public long Generation(ResourceKey key) => _generations.GetValueOrDefault(key);

    /// <summary>Called when a write to the key's service ended, whether it succeeded or not.</summary>
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

    /// <summary>The prefetched service (null = it does not exist) for this manifest, if one is there and still current.</summary>
    public bool TryTake(EcsServiceManifest manifest, out Api.Service? service)
    {
        service = null;
        if (!Volatile.Read(ref _entries).TryRemove(manifest.Key, out var entry)
            || entry.Region != manifest.Spec.Region
            || entry.Cluster != manifest.Spec.Cluster
            || entry.Generation != Generation(manifest.Key))
        {
            return false;
        }
        service = entry.Service;
        return true;
    }

    internal sealed record Entry(string Region, string Cluster, long Generation, Api.Service? Service);
}
