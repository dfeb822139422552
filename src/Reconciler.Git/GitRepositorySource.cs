using Reconciler.Core.Sources;
using Reconciler.Git.Processes;

namespace Reconciler.Git;

/// <summary>
/// Desired state from one branch of a git repository, through the git CLI: a shallow fetch into a bare
/// cache, then <c>git archive</c> of the fetched commit into an immutable snapshot folder named by its SHA.
/// The current and the previous snapshot are kept, so a reader of the last snapshot is never pulled from under.
/// A fetch never starts on a jammed cache (stale locks are removed first; repeated failures rebuild it), and a
/// source whose fetches keep failing reports itself stale through <see cref="ISourceHealth"/>.
/// </summary>
public sealed class GitRepositorySource : IDesiredStateSource, ISourceHealth
{
    private readonly GitSourceOptions options;
    private readonly TimeProvider time;
    private readonly GitCli git;
    private readonly SnapshotStore snapshots;
    private readonly FetchFailures failures;
    private readonly BareCache cache;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string fetchDescription;
    private SourceSnapshot? current;

    public GitRepositorySource(GitSourceOptions options, IProcessRunner? runner = null, TimeProvider? time = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }
        this.options = options;
        this.time = time ?? TimeProvider.System;
        var workDir = Path.GetFullPath(options.WorkDir);
        snapshots = new SnapshotStore(Path.Combine(workDir, "snapshots"));
        failures = new FetchFailures(options.StaleAfterFailedPolls, options.RebuildCacheAfterFailures);
        var home = Directory.CreateDirectory(Path.Combine(workDir, "home")).FullName;
        // Process timeouts bound real processes, so they run on real time even when FetchedAt uses a fake clock.
        git = new GitCli(runner ?? new ProcessRunner(), GitEnvironment.Create(options, home), options.Timeout, options.TokenFile);
        cache = new BareCache(Path.Combine(workDir, "cache.git"), options.Url, git);
        fetchDescription = $"git fetch of branch '{options.Branch}' from {CredentialRedactor.RedactUrls(options.Url)}";
    }

    /// <summary>The bare cache repository (exposed for tests that check the fetch stays shallow).</summary>
    internal string CacheDirectory => cache.Directory;

    public TimeSpan PollInterval => options.PollInterval;

    /// <summary>Null while fetches succeed; after <c>StaleAfterFailedPolls</c> failures in a row, since when and what is served.</summary>
    public string? Staleness => failures.Describe(current?.Revision);

    public string Describe() => $"git {CredentialRedactor.RedactUrls(options.Url)} branch {options.Branch} path {options.Path}";

    public async Task<SourceSnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await FetchLockedAsync(cancellationToken).ConfigureAwait(false);
            failures.Succeeded(time.GetUtcNow());
            return snapshot;
        }
        catch (Exception e) when (e is SourceException or IOException or UnauthorizedAccessException)
        {
            if (failures.Failed())
            {
                cache.Rebuild();
            }
            throw Failure(e);
        }
        finally
        {
            gate.Release();
        }
    }

    private Exception Failure(Exception e)
    {
        var message = e is SourceException
            ? e.Message
            : $"Cannot write the git cache or snapshot under '{options.WorkDir}' ({Describe()}): {e.Message}; make WorkDir writable and check free disk space.";
        return Staleness is { } stale ? new SourceException($"{message} ({stale})", e) : e as SourceException ?? new SourceException(message, e);
    }

    private async Task<SourceSnapshot> FetchLockedAsync(CancellationToken cancellationToken)
    {
        await cache.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var revision = await FetchRevisionAsync(cancellationToken).ConfigureAwait(false);
        if (current?.Revision == revision)
        {
            return current;
        }
        var snapshot = await CreateSnapshotAsync(revision, cancellationToken).ConfigureAwait(false);
        var previous = current?.Revision;
        current = snapshot;
        PruneQuietly(revision, previous);
        return snapshot;
    }

    private async Task<string> FetchRevisionAsync(CancellationToken ct)
    {
        var trackingRef = $"refs/remotes/origin/{options.Branch}";
        await git.RunAsync(fetchDescription, CacheDirectory, ct,
            "fetch", "--depth", "1", "--no-tags", "--quiet", "origin", $"+refs/heads/{options.Branch}:{trackingRef}").ConfigureAwait(false);
        var sha = await git.RunAsync($"git rev-parse of {trackingRef}", CacheDirectory, ct, "rev-parse", "--verify", trackingRef + "^{commit}").ConfigureAwait(false);
        return sha.Trim();
    }

    private async Task<SourceSnapshot> CreateSnapshotAsync(string revision, CancellationToken ct)
    {
        var policy = new SnapshotEntryPolicy(options.Path, options.MaxManifestFiles, options.MaxManifestBytes);
        var (root, refused) = await MaterializeAsync(revision, policy, ct).ConfigureAwait(false);
        var manifests = Path.GetFullPath(Path.Combine(root, options.Path));
        if (!Directory.Exists(manifests))
        {
            throw new SourceException(
                $"Path '{options.Path}' does not exist in commit {revision} of branch '{options.Branch}' ({Describe()}); create it or fix the git source Path.");
        }
        var (author, message) = await ReadCommitAsync(revision, ct).ConfigureAwait(false);
        return new SourceSnapshot(revision, manifests, time.GetUtcNow(), message, author, refused);
    }

    private async Task<(string Root, IReadOnlyList<RefusedFile> Refused)> MaterializeAsync(string revision, SnapshotEntryPolicy policy, CancellationToken ct)
    {
        try
        {
            return await snapshots.MaterializeAsync(
                revision,
                tar => git.RunAsync($"git archive of commit {revision}", CacheDirectory, ct, "archive", "--format=tar", "-o", tar, revision),
                (tar, folder) => SnapshotExtractor.ExtractAsync(tar, folder, policy, ct)).ConfigureAwait(false);
        }
        catch (SnapshotCapException cap)
        {
            throw new SourceException(
                $"Path '{options.Path}' in commit {revision} of branch '{options.Branch}' {cap.Message}; the commit is not loaded "
                + "and the previous one stays in place: split the manifests across sources or raise the cap.", cap);
        }
    }

    private async Task<(string Author, string Message)> ReadCommitAsync(string revision, CancellationToken ct)
    {
        var output = await git.RunAsync($"git show of commit {revision}", CacheDirectory, ct,
            "show", "-s", "--format=%an <%ae>%x00%B", revision).ConfigureAwait(false);
        var parts = output.Split('\0', 2);
        return (parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : string.Empty);
    }

    /// <summary>Cleanup is best effort: a snapshot that cannot be deleted now is retried after the next new revision.</summary>
    private void PruneQuietly(string revision, string? previous)
    {
        try
        {
            snapshots.Prune(revision, previous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next prune; the fetch itself succeeded.
        }
    }
}
