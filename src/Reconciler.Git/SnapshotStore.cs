using System.Formats.Tar;

namespace Reconciler.Git;

/// <summary>
/// One directory per commit under WorkDir/snapshots. A snapshot is extracted into a temporary folder and
/// renamed into place, so a directory named by a SHA is always complete and never changes afterwards.
/// </summary>
internal sealed class SnapshotStore(string root)
{
    private const string TempPrefix = ".tmp-";

    public string Root { get; } = root;

    public string PathFor(string revision) => Path.Combine(Root, revision);

    /// <summary>Returns the snapshot directory for <paramref name="revision"/>, extracting it with <paramref name="archive"/> if absent.</summary>
    /// <param name="archive">Writes a tar of the commit to the given file path.</param>
    public async Task<string> MaterializeAsync(string revision, Func<string, Task> archive, CancellationToken cancellationToken)
    {
        var target = PathFor(revision);
        if (Directory.Exists(target))
        {
            return target;
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, TempPrefix + revision + "-" + Guid.NewGuid().ToString("N")[..8]);
        var tar = temp + ".tar";
        try
        {
            await archive(tar).ConfigureAwait(false);
            Directory.CreateDirectory(temp);
            await TarFile.ExtractToDirectoryAsync(tar, temp, overwriteFiles: false, cancellationToken).ConfigureAwait(false);
            Directory.Move(temp, target);
            return target;
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
