using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// One directory per commit under WorkDir/snapshots. A snapshot is extracted into a temporary folder and
/// renamed into place, so a directory named by a SHA is always complete and never changes afterwards. Only used
/// under the source's gate, so its bookkeeping needs no locking.
/// </summary>
internal sealed class SnapshotStore(string root)
{
    private const string TempPrefix = ".tmp-";
    private readonly Dictionary<string, IReadOnlyList<RefusedFile>> refusedByRevision = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    public string PathFor(string revision) => Path.Combine(Root, revision);

    /// <summary>
    /// Returns the snapshot directory for <paramref name="revision"/> and the files refused from it, extracting it with
    /// <paramref name="archive"/> and <paramref name="extract"/> unless this process already did.
    /// </summary>
    /// <param name="archive">Writes a tar of the commit to the given file path.</param>
    /// <param name="extract">Extracts the tar (first argument) into the folder (second), returning what it refused.</param>
    public async Task<(string Directory, IReadOnlyList<RefusedFile> Refused)> MaterializeAsync(
        string revision, Func<string, Task> archive, Func<string, string, Task<IReadOnlyList<RefusedFile>>> extract)
    {
        var target = PathFor(revision);
        if (Directory.Exists(target))
        {
            if (refusedByRevision.TryGetValue(revision, out var known))
            {
                return (target, known);
            }
            // Left by an earlier process: nobody reads it yet, and what it refused is not known, so extract it again.
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, TempPrefix + revision + "-" + Guid.NewGuid().ToString("N")[..8]);
        var tar = temp + ".tar";
        try
        {
            await archive(tar).ConfigureAwait(false);
            Directory.CreateDirectory(temp);
            var refused = await extract(tar, temp).ConfigureAwait(false);
            Directory.Move(temp, target);
            refusedByRevision[revision] = refused;
            return (target, refused);
        }
        finally
        {
            File.Delete(tar);
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>Deletes every snapshot (and leftover temporary folder) except the named revisions.</summary>
    public void Prune(params string?[] keep)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }
        foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos())
        {
            if (keep.Contains(entry.Name, StringComparer.Ordinal))
            {
                continue;
            }
            refusedByRevision.Remove(entry.Name);
            if (entry is DirectoryInfo dir)
            {
                dir.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
