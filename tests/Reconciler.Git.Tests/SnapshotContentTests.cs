using Reconciler.Core.Sources;

namespace Reconciler.Git.Tests;

/// <summary>
/// What a commit may contain: symbolic links elsewhere never block the manifests, a link leaving the repository is
/// refused for that file only, a manifest that is not UTF-8 is refused naming it, and the manifests are capped.
/// </summary>
public sealed class SnapshotContentTests : GitSourceFixture
{
    [Test]
    public async Task A_symlink_leaving_the_repository_outside_the_manifests_path_does_not_block_the_manifests()
    {
        Remote.WriteFile("deploy/web.yaml", "image: web:1");
        Link("docs/passwd", "/etc/passwd");
        Link("docs/up", "../../..");
        Remote.Commit("links in docs");

        var snapshot = await new GitRepositorySource(Options(path: "deploy")).FetchAsync(CancellationToken.None);

        Assert.That(File.ReadAllText(Path.Combine(snapshot.Directory, "web.yaml")), Is.EqualTo("image: web:1"));
        Assert.That(File.Exists(Path.Combine(snapshot.Directory, "..", "docs", "passwd")), Is.False);
        Assert.That(snapshot.RefusedFiles, Is.Empty);
    }

    [Test]
    public async Task A_manifest_link_leaving_the_repository_is_refused_for_that_file_only_naming_it()
    {
        Remote.WriteFile("deploy/web.yaml", "image: web:1");
        Link("deploy/absolute.yaml", "/etc/hostname");
        Link("deploy/up.yaml", "../../outside.yaml");
        Link("deploy/more", "/srv/manifests");
        Link("deploy/README.md", "/etc/motd");
        Remote.Commit("escaping links");

        var snapshot = await new GitRepositorySource(Options(path: "deploy")).FetchAsync(CancellationToken.None);

        Assert.That(File.Exists(Path.Combine(snapshot.Directory, "web.yaml")), Is.True);
        Assert.That(snapshot.RefusedFiles!.Select(r => r.Path), Is.EquivalentTo(new[] { "absolute.yaml", "up.yaml", "more" }),
            "a folder link could hold manifests and is reported; a README link is refused quietly");
        Assert.That(Path.Exists(Path.Combine(snapshot.Directory, "README.md")), Is.False);
        Assert.That(snapshot.RefusedFiles!.Single(r => r.Path == "absolute.yaml").Reason,
            Does.Contain("symbolic link to the absolute path '/etc/hostname'").And.Contain("commit the file itself"));
        Assert.That(Path.Exists(Path.Combine(snapshot.Directory, "absolute.yaml")), Is.False);
        Assert.That(Path.Exists(Path.Combine(snapshot.Directory, "up.yaml")), Is.False);
    }

    [Test]
    public async Task A_link_to_a_file_inside_the_repository_is_kept()
    {
        Remote.WriteFile("common/shared.yaml", "image: shared:1");
        Link("deploy/shared.yaml", "../common/shared.yaml");
        Remote.Commit("shared manifest");

        var snapshot = await new GitRepositorySource(Options(path: "deploy")).FetchAsync(CancellationToken.None);

        Assert.That(File.ReadAllText(Path.Combine(snapshot.Directory, "shared.yaml")), Is.EqualTo("image: shared:1"));
        Assert.That(snapshot.RefusedFiles, Is.Empty);
    }

    [Test]
    public async Task A_chain_of_links_that_looks_local_but_resolves_outside_is_refused()
    {
        Remote.WriteFile("deploy/web.yaml", "image: web:1");
        Link("here", ".");
        // Each step stays inside on paper, but here/here/.. is the repository's parent on disk.
        Link("deploy/sneaky.yaml", "../here/here/../../etc/hostname");
        Remote.Commit("sneaky chain");

        var snapshot = await new GitRepositorySource(Options(path: "deploy")).FetchAsync(CancellationToken.None);

        Assert.That(snapshot.RefusedFiles!.Single().Path, Is.EqualTo("sneaky.yaml"));
        Assert.That(snapshot.RefusedFiles!.Single().Reason, Does.Contain("resolves outside the repository"));
        Assert.That(Path.Exists(Path.Combine(snapshot.Directory, "sneaky.yaml")), Is.False);
    }

    [Test]
    public async Task A_manifest_that_is_not_UTF8_is_refused_naming_the_file_while_other_files_are_served()
    {
        Remote.WriteFile("deploy/web.yaml", "image: web:1");
        WriteBytes("deploy/latin1.yaml", [.. "name: caf"u8.ToArray(), 0xE9, (byte)'\n']);
        WriteBytes("deploy/logo.png", [0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE]);
        Remote.Commit("a latin-1 manifest");

        var snapshot = await new GitRepositorySource(Options(path: "deploy")).FetchAsync(CancellationToken.None);

        var refused = snapshot.RefusedFiles!.Single();
        Assert.That(refused.Path, Is.EqualTo("latin1.yaml"));
        Assert.That(refused.Reason, Is.EqualTo("is not UTF-8 text (invalid byte at offset 9); the file is ignored: save it as UTF-8"));
        Assert.That(Path.Exists(Path.Combine(snapshot.Directory, "latin1.yaml")), Is.False);
        Assert.That(File.ReadAllBytes(Path.Combine(snapshot.Directory, "logo.png")), Has.Length.EqualTo(6), "only manifests must be UTF-8");
    }

    [Test]
    public async Task More_manifest_files_than_the_cap_refuse_the_commit_and_keep_the_previous_one()
    {
        Remote.WriteFile("a.yaml", "a: 1");
        Remote.WriteFile(".github/workflows/ci.yml", "on: push"); // hidden: not a manifest, not counted
        var first = CommitManifest("b.yaml", "b: 1");
        var source = new GitRepositorySource(Options() with { MaxManifestFiles = 2 });
        var kept = await source.FetchAsync(CancellationToken.None);
        var tooMany = CommitManifest("c.yaml", "c: 1");

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None))!;

        Assert.That(kept.Revision, Is.EqualTo(first));
        Assert.That(error.Message, Does.StartWith($"Path '.' in commit {tooMany} of branch 'main' holds more than 2 manifest files (MaxManifestFiles)"));
        Assert.That(Directory.Exists(kept.Directory), Is.True);
    }

    [Test]
    public void Manifests_larger_together_than_the_cap_refuse_the_commit()
    {
        Remote.WriteFile("a.yaml", new string('a', 30));
        CommitManifest("b.yaml", new string('b', 30));
        var source = new GitRepositorySource(Options() with { MaxManifestBytes = 50 });

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None))!;

        Assert.That(error.Message, Does.Contain("holds more than 50 bytes of manifests (MaxManifestBytes)").And.Contain("raise the cap"));
    }

    private void Link(string relative, string target)
    {
        var full = Path.Combine(Remote.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
    }

    private void WriteBytes(string relative, byte[] bytes)
    {
        var full = Path.Combine(Remote.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
