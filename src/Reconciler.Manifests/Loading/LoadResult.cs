using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Loading;

/// <summary>Everything loaded from a set of files: the good manifests, every diagnostic, and the per-file breakdown.</summary>
public sealed record LoadResult(IReadOnlyList<FileLoadResult> Files)
{
    public IReadOnlyList<ResourceManifest> Manifests { get; } = Files.SelectMany(f => f.Manifests).ToList();

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = Files.SelectMany(f => f.Diagnostics).ToList();

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
