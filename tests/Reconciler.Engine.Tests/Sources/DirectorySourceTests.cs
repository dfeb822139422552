using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Sources;
using Reconciler.Engine.Sources;

namespace Reconciler.Engine.Tests.Sources;

public sealed class DirectorySourceTests
{
    private string root = null!;

    [SetUp]
    public void CreateFolder() => root = Directory.CreateTempSubdirectory("reconciler-dir-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task The_revision_is_a_short_content_hash_and_the_directory_is_the_folder()
    {
        Write("web.yaml", "image: web:1");
        var source = new DirectorySource(root, new FakeTimeProvider());

        var snapshot = await source.FetchAsync(CancellationToken.None);

        Assert.That(snapshot.Revision, Does.Match("^dir:[0-9a-f]{12}$"));
        Assert.That(snapshot.Directory, Is.EqualTo(root));
    }

    [Test]
    public async Task An_unchanged_folder_returns_the_same_snapshot()
    {
        Write("web.yaml", "image: web:1");
        var source = new DirectorySource(root);

        var first = await source.FetchAsync(CancellationToken.None);

        Assert.That(await source.FetchAsync(CancellationToken.None), Is.SameAs(first));
    }

    private static IEnumerable<TestCaseData> Changes()
    {
        yield return new TestCaseData((Action<string>)(r => File.WriteAllText(Path.Combine(r, "web.yaml"), "image: web:2")))
            .SetName("an edited file changes the revision");
        yield return new TestCaseData((Action<string>)(r => File.Move(Path.Combine(r, "web.yaml"), Path.Combine(r, "api.yaml"))))
            .SetName("a renamed file changes the revision");
        yield return new TestCaseData((Action<string>)(r => File.WriteAllText(Path.Combine(r, "sub", "new.yaml"), "")))
            .SetName("a new empty file in a sub-folder changes the revision");
        yield return new TestCaseData((Action<string>)(r => File.Delete(Path.Combine(r, "sub", "db.yaml"))))
            .SetName("a deleted file changes the revision");
    }

    [TestCaseSource(nameof(Changes))]
    public async Task Detects(Action<string> change)
    {
        Write("web.yaml", "image: web:1");
        Write("sub/db.yaml", "tier: small");
        var source = new DirectorySource(root);
        var before = await source.FetchAsync(CancellationToken.None);

        change(root);

        Assert.That((await source.FetchAsync(CancellationToken.None)).Revision, Is.Not.EqualTo(before.Revision));
    }

    [Test]
    public async Task Moving_bytes_between_files_changes_the_revision()
    {
        Write("a.yaml", "ab");
        Write("b.yaml", "c");
        var before = await new DirectorySource(root).FetchAsync(CancellationToken.None);

        Write("a.yaml", "a");
        Write("b.yaml", "bc");

        Assert.That((await new DirectorySource(root).FetchAsync(CancellationToken.None)).Revision, Is.Not.EqualTo(before.Revision));
    }

    [Test]
    public async Task Dot_folders_and_dot_files_do_not_affect_the_revision()
    {
        Write("web.yaml", "image: web:1");
        var source = new DirectorySource(root);
        var before = await source.FetchAsync(CancellationToken.None);

        Write(".git/HEAD", "ref: refs/heads/main");
        Write(".web.yaml.swp", "editor state");

        Assert.That((await source.FetchAsync(CancellationToken.None)).Revision, Is.EqualTo(before.Revision));
    }

    [Test]
    public async Task A_symlinked_root_is_resolved_so_a_git_sync_swap_is_a_new_snapshot()
    {
        Write("rev-a/web.yaml", "image: web:1");
        Write("rev-b/web.yaml", "image: web:2");
        var link = Path.Combine(root, "current");
        File.CreateSymbolicLink(link, Path.Combine(root, "rev-a"));
        var source = new DirectorySource(link);
        var first = await source.FetchAsync(CancellationToken.None);

        File.Delete(link);
        File.CreateSymbolicLink(link, Path.Combine(root, "rev-b"));
        var second = await source.FetchAsync(CancellationToken.None);

        Assert.That(first.Directory, Is.EqualTo(Path.Combine(root, "rev-a")));
        Assert.That(second.Directory, Is.EqualTo(Path.Combine(root, "rev-b")));
        Assert.That(second.Revision, Is.Not.EqualTo(first.Revision));
    }

    [Test]
    public void A_missing_folder_fails_with_the_path_and_the_fix()
    {
        var missing = Path.Combine(root, "nope");

        var error = Assert.ThrowsAsync<SourceException>(() => new DirectorySource(missing).FetchAsync(CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo($"Manifest directory '{missing}' does not exist: create it, mount the volume there, or fix the source path."));
    }

    [Test]
    public void Describe_names_the_folder() =>
        Assert.That(new DirectorySource(root).Describe(), Is.EqualTo($"directory {root}"));

    private void Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
