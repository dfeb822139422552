namespace Reconciler.Manifests.Loading;

/// <summary>Finds manifest files: *.yaml and *.yml, recursively, in a stable (ordinal) order.</summary>
internal static class ManifestFiles
{
    public static IReadOnlyList<string> Under(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(IsManifest)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static bool IsManifest(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
