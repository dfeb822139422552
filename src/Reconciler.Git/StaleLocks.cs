namespace Reconciler.Git;

/// <summary>
/// Lock files a git process leaves when it is killed (by its timeout, an OOM kill, a pod eviction): index.lock,
/// shallow.lock, config.lock, packed-refs.lock, refs/**/*.lock, and half-written packs. While one exists every later
/// fetch fails with "Unable to create '...lock': File exists" (issue 9: a killed fetch jammed the cache for good).
/// The cache belongs to one source and all its git commands run under that source's gate, so a lock seen before a
/// fetch starts can only be a leftover.
/// </summary>
internal static class StaleLocks
{
    private static readonly EnumerationOptions Everywhere = new()
    {
        RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None,
    };

    /// <returns>The removed files, relative to the cache.</returns>
    public static IReadOnlyList<string> Remove(string cacheDirectory)
    {
        if (!Directory.Exists(cacheDirectory))
        {
            return [];
        }
        var leftovers = Directory.EnumerateFiles(cacheDirectory, "*.lock", Everywhere)
            .Concat(PackTemporaries(cacheDirectory))
            .ToList();
        foreach (var file in leftovers)
        {
            File.Delete(file);
        }
        return leftovers.Select(f => Path.GetRelativePath(cacheDirectory, f)).ToList();
    }

    private static IEnumerable<string> PackTemporaries(string cacheDirectory)
    {
        var pack = Path.Combine(cacheDirectory, "objects", "pack");
        return Directory.Exists(pack) ? Directory.EnumerateFiles(pack, "tmp_*") : [];
    }
}
