using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

public sealed class GitRepositorySourceTests : GitSourceFixture
{
    [Test]
    public async Task The_first_fetch_returns_the_head_commit_and_its_files()
    {
        var sha = CommitManifest("web.yaml", "image: web:1", "Deploy web 1");
        var source = new GitRepositorySource(Options());

        var snapshot = await source.FetchAsync(CancellationToken.None);

        Assert.That(snapshot.Revision, Is.EqualTo(sha));
        Assert.That(File.ReadAllText(Path.Combine(snapshot.Directory, "web.yaml")), Is.EqualTo("image: web:1"));
        Assert.That(snapshot.CommitMessage, Is.EqualTo("Deploy web 1"));
        Assert.That(snapshot.Author, Is.EqualTo("Test Author <author@example.test>"));
    }

    [Test]
    public async Task A_new_commit_gets_a_new_snapshot_while_the_old_one_keeps_its_content_until_the_fetch_after()
    {
        CommitManifest("web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options());
        var first = await source.FetchAsync(CancellationToken.None);

        var secondSha = CommitManifest("web.yaml", "image: web:2");
        var second = await source.FetchAsync(CancellationToken.None);

        Assert.That(second.Revision, Is.EqualTo(secondSha));
        Assert.That(second.Directory, Is.Not.EqualTo(first.Directory));
        Assert.That(File.ReadAllText(Path.Combine(second.Directory, "web.yaml")), Is.EqualTo("image: web:2"));
        Assert.That(File.ReadAllText(Path.Combine(first.Directory, "web.yaml")), Is.EqualTo("image: web:1"));

        CommitManifest("web.yaml", "image: web:3");
        await source.FetchAsync(CancellationToken.None);

        Assert.That(Directory.Exists(first.Directory), Is.False, "the snapshot two revisions back is cleaned");
        Assert.That(Directory.Exists(second.Directory), Is.True, "the previous snapshot is kept for readers still on it");
    }

    [Test]
    public async Task Fetching_an_unchanged_branch_returns_the_same_snapshot()
    {
        CommitManifest("web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options());

        var first = await source.FetchAsync(CancellationToken.None);
        var again = await source.FetchAsync(CancellationToken.None);

        Assert.That(again, Is.SameAs(first));
    }

    [Test]
    public async Task Only_the_configured_path_inside_the_repository_is_the_manifests_root()
    {
        Remote.WriteFile("README.md", "not a manifest");
        CommitManifest("deploy/prod/web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options(path: "deploy/prod"));

        var snapshot = await source.FetchAsync(CancellationToken.None);

        Assert.That(Directory.GetFiles(snapshot.Directory).Select(Path.GetFileName), Is.EqualTo(new[] { "web.yaml" }));
    }

    [Test]
    public async Task The_cache_holds_a_shallow_fetch_of_one_commit()
    {
        CommitManifest("web.yaml", "image: web:1");
        CommitManifest("web.yaml", "image: web:2");
        var head = CommitManifest("web.yaml", "image: web:3");
        var source = new GitRepositorySource(Options());

        await source.FetchAsync(CancellationToken.None);

        Assert.That(TempGitRepo.Run(source.CacheDirectory, "rev-parse", "--is-shallow-repository").Trim(), Is.EqualTo("true"));
        Assert.That(TempGitRepo.Run(source.CacheDirectory, "rev-list", "--count", head).Trim(), Is.EqualTo("1"));
    }

    [Test]
    public async Task A_source_fetches_its_own_branch_not_the_default_one()
    {
        CommitManifest("web.yaml", "image: web:1");
        Remote.Git("checkout", "--quiet", "-b", "staging");
        var stagingSha = CommitManifest("web.yaml", "image: web:staging");
        Remote.Git("checkout", "--quiet", "main");
        var source = new GitRepositorySource(Options(branch: "staging"));

        var snapshot = await source.FetchAsync(CancellationToken.None);

        Assert.That(snapshot.Revision, Is.EqualTo(stagingSha));
        Assert.That(File.ReadAllText(Path.Combine(snapshot.Directory, "web.yaml")), Is.EqualTo("image: web:staging"));
    }

    [Test]
    public async Task A_new_source_on_an_existing_work_dir_reuses_the_cache_and_snapshot()
    {
        var sha = CommitManifest("web.yaml", "image: web:1");
        var first = await new GitRepositorySource(Options()).FetchAsync(CancellationToken.None);

        var afterRestart = await new GitRepositorySource(Options()).FetchAsync(CancellationToken.None);

        Assert.That(afterRestart.Revision, Is.EqualTo(sha));
        Assert.That(afterRestart.Directory, Is.EqualTo(first.Directory));
    }

    [Test]
    public async Task Concurrent_fetches_share_one_snapshot()
    {
        var sha = CommitManifest("web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options());

        var both = await Task.WhenAll(source.FetchAsync(CancellationToken.None), source.FetchAsync(CancellationToken.None));

        Assert.That(both[0], Is.SameAs(both[1]));
        Assert.That(both[0].Revision, Is.EqualTo(sha));
    }

    [Test]
    public void Describe_names_url_branch_and_path()
    {
        var source = new GitRepositorySource(Options(path: "deploy"));

        Assert.That(source.Describe(), Is.EqualTo($"git {Remote.Url} branch main path deploy"));
    }
}
