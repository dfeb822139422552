using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Loading;

/// <summary>
/// One file's outcome. All or nothing: a file with any error yields no manifests, so a caller can keep the last good
/// state of that file while the rest goes on.
/// </summary>
public sealed record FileLoadResult(string Path, IReadOnlyList<ResourceManifest> Manifests, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
