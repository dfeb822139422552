namespace Reconciler.Git;

/// <summary>
/// Where a path really leads, following every symbolic link along it (like realpath(3), which .NET lacks): used to
/// check that a link in a snapshot ends inside the snapshot however many links it goes through.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); a chain that long is refused here too.
    private const int MaxLinks = 40;

    /// <summary>The absolute resolved path (it need not exist), or null for a link loop.</summary>
    public static string? Of(string path)
    {
        var pending = new List<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries));
        var current = "/";
        for (var links = 0; pending.Count > 0;)
        {
            var part = pending[0];
            pending.RemoveAt(0);
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            pending.InsertRange(0, target.Split('/', StringSplitOptions.RemoveEmptyEntries));
            current = target.StartsWith('/') ? "/" : current;
        }
        return current;
    }
}
