using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sources;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Loading;

namespace Reconciler.Engine.Desired;

/// <summary>
/// The desired state, one snapshot (= one commit) at a time. A file that fails to parse keeps the resources it
/// declared at their last good version: a broken manifest never means "delete" or "scale to 0".
/// Neither does a snapshot that drops too much at once (<see cref="PruneGuard"/>): its orphans are held, counted
/// against the last accepted snapshot, until a snapshot is within the limits.
/// </summary>
public sealed class DesiredStateStore(ManifestLoader loader, PruneLimits? pruneLimits = null)
{
    private readonly PruneLimits _limits = pruneLimits ?? PruneLimits.Default;
    private IReadOnlyDictionary<ResourceKey, DesiredEntry> _baseline = new Dictionary<ResourceKey, DesiredEntry>();
    private PruneHold? _hold;
    private readonly object _gate = new();
    private Dictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<ResourceKey, DesiredEntry> _entries = new Dictionary<ResourceKey, DesiredEntry>();
    private IReadOnlyDictionary<ResourceKey, DesiredEntry> _removed = new Dictionary<ResourceKey, DesiredEntry>();

    public string? Revision { get; private set; }

    /// <summary>Raised for each snapshot with every manifest it makes desired (the emulator demo creates clusters from it).</summary>
    public event Action<IReadOnlyList<ResourceManifest>>? Loaded;

    public DesiredEntry? Get(ResourceKey key) => Volatile.Read(ref _entries).TryGetValue(key, out var e) ? e : null;

    public IReadOnlyCollection<ResourceKey> Keys => Volatile.Read(ref _entries).Keys.ToList();

    /// <summary>The last declared version of a resource that was removed from git while this process ran (an orphan).</summary>
    public DesiredEntry? GetRemoved(ResourceKey key) => Volatile.Read(ref _removed).TryGetValue(key, out var e) ? e : null;

    /// <summary>Why prune is refused for this orphan (the guard holds it), or null when it may be pruned.</summary>
    public string? PruneRefusal(ResourceKey key) => Volatile.Read(ref _hold) is { } hold && hold.Keys.Contains(key) ? hold.Reason : null;

    /// <summary>Loads a snapshot; returns the manifest errors (formatted file:line:col) and the keys that vanished.</summary>
    public SnapshotResult Apply(SourceSnapshot snapshot) =>
        Apply(WithRefused(loader.LoadDirectory(snapshot.Directory), snapshot), snapshot.Revision, snapshot.Directory);

    /// <summary>A file the source refused (a link leaving the repository, not UTF-8) counts as broken: its resources keep their last good version.</summary>
    private static LoadResult WithRefused(LoadResult loaded, SourceSnapshot snapshot) =>
        snapshot.RefusedFiles is not { Count: > 0 } refused ? loaded : new LoadResult([.. loaded.Files, .. refused.Select(r =>
        {
            var path = Path.Combine(snapshot.Directory, r.Path);
            return new FileLoadResult(path, [], [Diagnostic.Error(DiagnosticCodes.FileUnreadable, r.Reason, new SourceLocation(path, 0, 0))]);
        })]);

    /// <summary>Takes an already loaded set of files (the one-shot CLI loads explicit paths).</summary>
    public SnapshotResult Apply(LoadResult result, string revision, string root)
    {
        lock (_gate)
        {
            var next = new Dictionary<string, FileState>(StringComparer.Ordinal);
            foreach (var file in result.Files)
            {
                var relative = Path.GetRelativePath(root, file.Path);
                var broken = file.Diagnostics.Any(d => d.Severity == Severity.Error);
                if (!broken)
                {
                    next[relative] = new FileState(file.Manifests.Select(m => m with { Source = Relative(m.Source, root) }).ToList(), revision, false);
                }
                else if (_files.TryGetValue(relative, out var previous))
                {
                    next[relative] = previous with { Stale = true };
                }
            }
            var previousEntries = Volatile.Read(ref _entries);
            var entries = new Dictionary<ResourceKey, DesiredEntry>();
            foreach (var (file, state) in next)
            {
                foreach (var manifest in state.Manifests)
                {
                    entries.TryAdd(manifest.Key, new DesiredEntry(manifest, state.Revision, file, state.Stale));
                }
            }
            // Orphans are counted against the last accepted snapshot, so a refused drop stays refused on the next commits
            // until one is within the limits; ones dropped since then (declared only in a refused snapshot) count too.
            var dropped = _baseline.Concat(previousEntries).Where(p => !entries.ContainsKey(p.Key))
                .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            var prunable = dropped.Where(d => d.Value.Manifest.SyncPolicy.PruneEnabled).Select(d => d.Key).ToHashSet();
            var verdict = PruneGuard.Judge(_baseline.Count, entries.Count, prunable.Count, _limits);
            var removed = Volatile.Read(ref _removed).Where(r => !entries.ContainsKey(r.Key))
                .Concat(previousEntries.Where(p => !entries.ContainsKey(p.Key)))
                .GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            // Raised before the snapshot is committed: if a handler throws, the revision is not taken and the next fetch retries it.
            Loaded?.Invoke(entries.Values.Select(e => e.Manifest).ToList());
            _files = next;
            Volatile.Write(ref _entries, entries);
            Volatile.Write(ref _removed, removed);
            Volatile.Write(ref _hold, verdict is PruneVerdict.Refused refused ? new PruneHold(refused.Reason, prunable) : null);
            if (verdict is PruneVerdict.Allowed)
            {
                _baseline = entries;
            }
            Revision = revision;
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error)
                .Select(d => (d with { Location = Relative(d.Location, root) }).ToString()).ToList();
            return new SnapshotResult(errors, dropped.Keys.ToList(), verdict);
        }
    }

    /// <summary>Messages name the file as it is in the repository, not inside the daemon's snapshot cache.</summary>
    private static SourceLocation Relative(SourceLocation location, string root) =>
        Path.IsPathRooted(location.File) ? location with { File = Path.GetRelativePath(root, location.File) } : location;

    private sealed record PruneHold(string Reason, IReadOnlySet<ResourceKey> Keys);

    private sealed record FileState(IReadOnlyList<ResourceManifest> Manifests, string Revision, bool Stale);
}

/// <summary>
/// What loading a snapshot found: manifest errors, the resources no longer declared since the last accepted snapshot
/// (orphans unless pruned), and whether the guard lets them be pruned.
/// </summary>
public sealed record SnapshotResult(IReadOnlyList<string> Errors, IReadOnlyList<ResourceKey> Removed, PruneVerdict Prune);
