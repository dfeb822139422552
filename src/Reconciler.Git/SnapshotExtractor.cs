using System.Buffers;
using System.Formats.Tar;
using System.Text.Unicode;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// Extracts a <c>git archive</c> tar into a snapshot folder under <see cref="SnapshotEntryPolicy"/>: files and folders
/// first, symbolic links last (so nothing is ever written through a link), then every link is resolved on disk and
/// removed again if it leads outside the repository (a chain of links can leave even when each one looks local).
/// One bad entry refuses that entry only: the rest of the commit is still served.
/// </summary>
internal static class SnapshotExtractor
{
    /// <exception cref="SnapshotCapException">The manifests exceed a cap.</exception>
    public static async Task<IReadOnlyList<RefusedFile>> ExtractAsync(string tar, string root, SnapshotEntryPolicy policy, CancellationToken ct)
    {
        var refused = new List<RefusedFile>();
        var links = new List<(string Path, string Target)>();
        await using (var stream = File.OpenRead(tar))
        await using (var reader = new TarReader(stream))
        {
            while (await reader.GetNextEntryAsync(copyData: false, ct).ConfigureAwait(false) is { } entry)
            {
                var path = entry.Name.TrimEnd('/');
                if (path.Length == 0 || path.StartsWith('/') || path.Split('/').Contains(".."))
                {
                    continue; // git never writes such names; a crafted tar gets nothing
                }
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(Path.Combine(root, path));
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                        await WriteFileAsync(entry, path, root, policy, refused, ct).ConfigureAwait(false);
                        break;
                    case TarEntryType.SymbolicLink:
                        links.Add((path, entry.LinkName));
                        break;
                }
            }
        }
        foreach (var (path, target) in links)
        {
            CreateLink(path, target, root, policy, refused);
        }
        RemoveEscapingLinks(links.Select(l => l.Path), root, policy, refused);
        return refused;
    }

    private static async Task WriteFileAsync(TarEntry entry, string path, string root, SnapshotEntryPolicy policy, List<RefusedFile> refused, CancellationToken ct)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (!policy.IsManifest(path))
        {
            await entry.ExtractToFileAsync(full, overwrite: false, ct).ConfigureAwait(false);
            return;
        }
        if (policy.Count(entry.Length) is { } cap)
        {
            throw new SnapshotCapException(cap);
        }
        using var buffer = new MemoryStream((int)entry.Length);
        if (entry.DataStream is { } data)
        {
            await data.CopyToAsync(buffer, ct).ConfigureAwait(false);
        }
        var bytes = buffer.ToArray();
        if (InvalidUtf8At(bytes) is { } offset)
        {
            refused.Add(new RefusedFile(policy.UnderManifests(path)!,
                $"is not UTF-8 text (invalid byte at offset {offset}); the file is ignored: save it as UTF-8"));
            return;
        }
        await File.WriteAllBytesAsync(full, bytes, ct).ConfigureAwait(false);
    }

    private static void CreateLink(string path, string target, string root, SnapshotEntryPolicy policy, List<RefusedFile> refused)
    {
        if (SnapshotEntryPolicy.LinkProblem(path, target) is { } problem)
        {
            Refuse(path, problem, policy, refused);
            return;
        }
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
    }

    private static void RemoveEscapingLinks(IEnumerable<string> links, string root, SnapshotEntryPolicy policy, List<RefusedFile> refused)
    {
        var realRoot = RealPath.Of(root) ?? root;
        foreach (var path in links)
        {
            var full = Path.Combine(root, path);
            var info = new FileInfo(full);
            if (info.LinkTarget is null)
            {
                continue; // refused before it was created
            }
            var real = RealPath.Of(full);
            if (real is null || (real != realRoot && !real.StartsWith(realRoot + "/", StringComparison.Ordinal)))
            {
                info.Delete();
                Refuse(path, $"is a symbolic link to '{info.LinkTarget}' that resolves outside the repository; the file is ignored: commit the file itself instead of the link", policy, refused);
            }
        }
    }

    /// <summary>Only links that could be or hold manifests are reported: anything else is never read, so its refusal is not news.</summary>
    private static void Refuse(string path, string reason, SnapshotEntryPolicy policy, List<RefusedFile> refused)
    {
        if (policy.MayHoldManifests(path))
        {
            refused.Add(new RefusedFile(policy.UnderManifests(path)!, reason));
        }
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or null when all of it is.</summary>
    private static int? InvalidUtf8At(byte[] bytes)
    {
        // UTF-16 never needs more chars than the UTF-8 had bytes, so the buffer always suffices.
        var status = Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == OperationStatus.Done ? null : read;
    }
}
