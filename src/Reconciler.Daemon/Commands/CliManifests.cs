using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Loading;

namespace Reconciler.Daemon.Commands;

/// <summary>Loads the manifests named on the command line; manifest errors are printed like a compiler and stop the command.</summary>
internal static class CliManifests
{
    public static LoadResult? Load(IReadOnlyList<string> paths, TextWriter stderr)
    {
        var result = new ManifestLoader().LoadPaths(paths);
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            stderr.WriteLine(diagnostic.ToString());
        }
        if (result.HasErrors)
        {
            stderr.WriteLine($"error: {result.ErrorCount} manifest error(s); nothing was changed. Run 'reconciler validate' for details.");
            return null;
        }
        if (result.Manifests.Count == 0)
        {
            stderr.WriteLine($"error: no manifests found under {string.Join(", ", paths)}");
            return null;
        }
        return result;
    }

    /// <summary>The folder a set of paths is relative to (for file names in status).</summary>
    public static string Root(IReadOnlyList<string> paths) =>
        paths.Count == 1 && Directory.Exists(paths[0]) ? Path.GetFullPath(paths[0]) : Directory.GetCurrentDirectory();
}
