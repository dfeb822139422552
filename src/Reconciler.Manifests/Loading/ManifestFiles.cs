namespace Reconciler.Manifests.Loading;

/// <summary>
/// Finds manifest files: *.yaml and *.yml, recursively, in a stable (ordinal) order. Hidden files and folders
/// (.git, .github workflows, editor folders) are skipped: their YAML is not ours.
/// </summary>
internal static class ManifestFiles
{
    public static IReadOnlyList<string> Under(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(path => IsManifest(path) && !IsHidden(Path.GetRelativePath(root, path)))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static bool IsManifest(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
