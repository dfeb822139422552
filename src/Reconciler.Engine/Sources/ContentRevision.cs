using System.Security.Cryptography;
using System.Text;
using Reconciler.Core.Sources;

namespace Reconciler.Engine.Sources;

/// <summary>
/// "dir:" + the first 12 hex digits of SHA-256 over the sorted relative paths and contents of the files.
/// Each file contributes path, NUL, length and bytes, so moving bytes between files changes the hash.
/// </summary>
internal static class ContentRevision
{
    public const string Prefix = "dir:";

    public static async Task<string> ComputeAsync(string directory, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in ManifestFiles(directory))
        {
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(Path.Combine(directory, relative), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SourceException($"Cannot read '{relative}' in manifest directory '{directory}': {e.Message}", e);
            }
            hash.AppendData(Encoding.UTF8.GetBytes(relative));
            hash.AppendData([0]);
            hash.AppendData(BitConverter.GetBytes((long)content.Length));
            hash.AppendData(content);
        }
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>Relative paths with '/' separators, ordinal order; dot-named entries are skipped without descending (a .git can be large).</summary>
    public static IReadOnlyList<string> ManifestFiles(string directory)
    {
        var files = new List<string>();
        Walk(new DirectoryInfo(directory), "", files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(DirectoryInfo folder, string prefix, List<string> files)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }
            if (entry is DirectoryInfo { LinkTarget: not null })
            {
                // Not followed: a link back to a parent would loop, and manifests do not need it.
                continue;
            }
            if (entry is DirectoryInfo child)
            {
                Walk(child, prefix + child.Name + "/", files);
            }
            else
            {
                files.Add(prefix + entry.Name);
            }
        }
    }
}
