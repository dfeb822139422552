using Reconciler.Core.Sources;
using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

/// <summary>
/// Issue 9: a git fetch killed by its timeout left lock files that made every later fetch fail while the daemon kept
/// serving an old commit. The cache now repairs itself, and a source that cannot fetch says so.
/// </summary>
public sealed class CacheRecoveryTests : GitSourceFixture
{
    [Test]
    public async Task The_lock_files_a_killed_fetch_leaves_do_not_jam_the_next_fetch()
    {
        CommitManifest("web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options());
        await source.FetchAsync(CancellationToken.None);
        var next = CommitManifest("web.yaml", "image: web:2");
        var cache = source.CacheDirectory;
        // What a fetch killed mid-way leaves behind: the shallow file's lock and the lock of the ref it was updating.
        File.WriteAllText(Path.Combine(cache, "shallow.lock"), "");
        File.WriteAllText(Path.Combine(cache, "refs", "remotes", "origin", "main.lock"), "");
        var jammed = Assert.Throws<InvalidOperationException>(() =>
            TempGitRepo.Run(cache, "fetch", "--depth", "1", "origin", "+refs/heads/main:refs/remotes/origin/main"))!;
        Assert.That(jammed.Message, Does.Contain(".lock"), "plain git is jammed by these files");

        var snapshot = await source.FetchAsync(CancellationToken.None);

        Assert.That(snapshot.Revision, Is.EqualTo(next));
        Assert.That(File.ReadAllText(Path.Combine(snapshot.Directory, "web.yaml")), Is.EqualTo("image: web:2"));
        Assert.That(Directory.EnumerateFiles(cache, "*.lock", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task A_cache_broken_beyond_its_locks_is_rebuilt_after_the_configured_failures_in_a_row()
    {
        CommitManifest("web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options() with { RebuildCacheAfterFailures = 2 });
        await source.FetchAsync(CancellationToken.None);
        var next = CommitManifest("web.yaml", "image: web:2");
        File.WriteAllText(Path.Combine(source.CacheDirectory, "config"), "[[[ not a git config");

        var first = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None))!;
        var second = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None))!;
        var third = await source.FetchAsync(CancellationToken.None);

        Assert.That(first.Message, Does.Contain("bad config"));
        Assert.That(second.Message, Does.Contain("bad config"));
        Assert.That(third.Revision, Is.EqualTo(next), "the second failure in a row rebuilt the cache from scratch");
    }

    [Test]
    public async Task A_source_with_no_successful_fetch_for_the_configured_polls_reports_itself_stale_until_a_fetch_succeeds()
    {
        var served = CommitManifest("web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options() with { StaleAfterFailedPolls = 2 });
        await source.FetchAsync(CancellationToken.None);
        var away = Remote.Path + "-unreachable";
        Directory.Move(Remote.Path, away);

        var first = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None))!;
        var afterOne = source.Staleness;
        var second = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None))!;
        var afterTwo = source.Staleness;
        Directory.Move(away, Remote.Path);
        await source.FetchAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(afterOne, Is.Null);
            Assert.That(first.Message, Does.Not.Contain("no successful fetch"));
            Assert.That(afterTwo, Does.StartWith("no successful fetch for 2 polls in a row (last success ").And.EndWith($"still serving commit {served}"));
            Assert.That(second.Message, Does.EndWith($"({afterTwo})"), "the fetch error in /status says it too");
            Assert.That(source.Staleness, Is.Null, "one successful fetch makes it fresh again");
        });
    }
}
