using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Loading;

/// <summary>
/// A kind/name may be declared once across all files: two declarations would fight over one cloud resource.
/// The later one (in file order) gets the error, so the file loaded first keeps working.
/// </summary>
internal static class DuplicateResources
{
    public static IReadOnlyList<FileLoadResult> Reject(IReadOnlyList<FileLoadResult> files)
    {
        var accepted = new Dictionary<ResourceKey, ResourceManifest>();
        var result = new List<FileLoadResult>(files.Count);
        foreach (var file in files)
        {
            var duplicates = Duplicates(file, accepted);
            if (duplicates.Count == 0)
            {
                file.Manifests.ToList().ForEach(m => accepted.Add(m.Key, m));
                result.Add(file);
            }
            else
            {
                // All or nothing per file: a rejected file's other resources do not claim their names either.
                result.Add(file with { Manifests = [], Diagnostics = [.. file.Diagnostics, .. duplicates] });
            }
        }
        return result;
    }

    private static List<Diagnostic> Duplicates(FileLoadResult file, Dictionary<ResourceKey, ResourceManifest> accepted)
    {
        var inFile = new Dictionary<ResourceKey, ResourceManifest>();
        var duplicates = new List<Diagnostic>();
        foreach (var manifest in file.Manifests)
        {
            var earlier = accepted.GetValueOrDefault(manifest.Key) ?? inFile.GetValueOrDefault(manifest.Key);
            if (earlier is not null)
            {
                duplicates.Add(Diagnostic.Error(DiagnosticCodes.DuplicateResource,
                    $"{manifest.Key} is already declared at {earlier.Source}; rename one of them or delete the copy", manifest.Source, "metadata.name"));
            }
            inFile.TryAdd(manifest.Key, manifest);
        }
        return duplicates;
    }
}
