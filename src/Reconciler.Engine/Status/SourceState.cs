namespace Reconciler.Engine.Status;

/// <summary>The desired-state source as last seen: revision, when, and any fetch or manifest errors (file:line: message).</summary>
public sealed record SourceState(
    string Description,
    string? Revision,
    DateTimeOffset? LastFetchAt,
    string? FetchError,
    IReadOnlyList<string> ManifestErrors)
{
    public static SourceState Initial(string description) => new(description, null, null, null, []);
}
