namespace Reconciler.Git;

/// <summary>
/// Failed fetches in a row: after <c>StaleAfterFailedPolls</c> the source is stale (the daemon keeps serving an old
/// commit and must say so), and every <c>RebuildCacheAfterFailures</c> the cache is thrown away and cloned afresh,
/// in case it is broken in a way no single fetch repairs.
/// </summary>
internal sealed class FetchFailures(int staleAfter, int rebuildAfter)
{
    public int InARow { get; private set; }

    public DateTimeOffset? LastSuccessAt { get; private set; }

    public bool IsStale => InARow >= staleAfter;

    public void Succeeded(DateTimeOffset now)
    {
        InARow = 0;
        LastSuccessAt = now;
    }

    /// <returns>True when the cache should be rebuilt before the next fetch.</returns>
    public bool Failed()
    {
        InARow++;
        return InARow % rebuildAfter == 0;
    }

    /// <summary>One line for status and errors; null while fresh.</summary>
    public string? Describe(string? servedRevision) => !IsStale ? null :
        $"no successful fetch for {InARow} polls in a row"
        + (LastSuccessAt is { } at ? $" (last success {at:u})" : " (none since start)")
        + (servedRevision is null ? "" : $"; still serving commit {servedRevision}");
}
