namespace Reconciler.Git;

/// <summary>The manifests of a commit exceed a cap; the whole snapshot is refused and the previous one kept.</summary>
internal sealed class SnapshotCapException(string problem) : Exception(problem);
