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
        var first = new Dictionary<ResourceKey, ResourceManifest>();
        var result = new List<FileLoadResult>(files.Count);
        foreach (var file in files)
        {
            var duplicates = file.Manifests
                .Where(m => !first.TryAdd(m.Key, m))
                .Select(m => Diagnostic.Error(DiagnosticCodes.DuplicateResource,
                    $"{m.Key} is already declared at {first[m.Key].Source}; rename one of them or delete the copy", m.Source, "metadata.name"))
                .ToList();
            result.Add(duplicates.Count == 0 ? file : file with { Manifests = [], Diagnostics = [.. file.Diagnostics, .. duplicates] });
        }
        return result;
    }
}
