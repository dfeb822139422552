namespace Reconciler.Core.Sources;

/// <summary>
/// One fetched revision of desired state. <paramref name="Directory"/> is the manifests root; for git
/// sources it never changes while the snapshot is current, so a reader can parse it without racing a fetch.
/// </summary>
/// <param name="Revision">Full commit SHA for git, or a content hash (<c>dir:</c> + 12 hex) for a plain directory.</param>
/// <param name="RefusedFiles">Files of the revision left out of <paramref name="Directory"/>, each to be reported as broken.</param>
public sealed record SourceSnapshot(
    string Revision,
    string Directory,
    DateTimeOffset FetchedAt,
    string? CommitMessage = null,
    string? Author = null,
    IReadOnlyList<RefusedFile>? RefusedFiles = null);
