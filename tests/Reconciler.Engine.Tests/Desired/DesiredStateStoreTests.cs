using Reconciler.Core.Model;
using Reconciler.Core.Sources;
using Reconciler.Engine.Desired;
using Reconciler.Manifests.Loading;

namespace Reconciler.Engine.Tests.Desired;

/// <summary>
/// The desired state across snapshots (one folder per commit, as the git source gives them): a broken file keeps its
/// resources at their last good version, a removed file makes them orphans, errors name the file as in the repository.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DesiredStateStoreTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");
    private static readonly ResourceKey Worker = new("EcsService", "worker");
    private string root = null!;
    private readonly DesiredStateStore store = new(new ManifestLoader());

    [SetUp]
    public void CreateFolder() => root = Directory.CreateTempSubdirectory("reconciler-desired-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(root, recursive: true);

    [Test]
    public void A_snapshot_declares_its_resources_at_its_revision_with_repository_relative_files()
    {
        var result = store.Apply(Snapshot("r1", ("services/web.yaml", Service("web", "v1")), ("worker.yaml", Service("worker", "v1"))));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(store.Keys, Is.EquivalentTo(new[] { Web, Worker }));
        var web = store.Get(Web)!;
        Assert.That((web.Revision, web.File, web.Stale), Is.EqualTo(("r1", Path.Combine("services", "web.yaml"), false)));
        Assert.That(web.Manifest.Source.File, Is.EqualTo(Path.Combine("services", "web.yaml")));
        Assert.That(store.Revision, Is.EqualTo("r1"));
    }

    [Test]
    public void A_file_that_breaks_keeps_its_resources_at_the_last_good_version_and_reports_file_and_line()
    {
        store.Apply(Snapshot("r1", ("services/web.yaml", Service("web", "v1")), ("worker.yaml", Service("worker", "v1"))));

        var result = store.Apply(Snapshot("r2", ("services/web.yaml", Service("web", "v2").Replace("desiredCount: 2", "desiredCount: two")), ("worker.yaml", Service("worker", "v2"))));

        var web = store.Get(Web)!;
        Assert.That((web.Revision, web.Stale), Is.EqualTo(("r1", true)));
        Assert.That(Image(web), Does.EndWith(":v1"));
        Assert.That(Image(store.Get(Worker)!), Does.EndWith(":v2"), "the other file moves on");
        Assert.That(result.Errors.Single(), Does.StartWith(Path.Combine("services", "web.yaml") + ":7:").And.Contain("spec.desiredCount"));
        Assert.That(result.Removed, Is.Empty);
    }

    [Test]
    public void A_file_broken_from_its_first_commit_declares_nothing_and_reports_the_error()
    {
        var result = store.Apply(Snapshot("r1", ("web.yaml", "apiVersion: reconciler/v1alpha1\nkind: EcsService\nmetadata: [")));

        Assert.That(store.Keys, Is.Empty);
        Assert.That(result.Errors.Single(), Does.StartWith("web.yaml:"));
    }

    [Test]
    public void A_removed_file_makes_its_resources_orphans()
    {
        store.Apply(Snapshot("r1", ("web.yaml", Service("web", "v1")), ("worker.yaml", Service("worker", "v1"))));

        var result = store.Apply(Snapshot("r2", ("worker.yaml", Service("worker", "v1"))));

        Assert.That(result.Removed, Is.EqualTo(new[] { Web }));
        Assert.That(store.Get(Web), Is.Null);
        Assert.That(store.Keys, Is.EqualTo(new[] { Worker }));
    }

    [Test]
    public void A_resource_moved_to_another_file_is_not_an_orphan()
    {
        store.Apply(Snapshot("r1", ("web.yaml", Service("web", "v1"))));

        var result = store.Apply(Snapshot("r2", ("apps/web.yaml", Service("web", "v1"))));

        Assert.That(result.Removed, Is.Empty);
        Assert.That(store.Get(Web)!.File, Is.EqualTo(Path.Combine("apps", "web.yaml")));
    }

    [Test]
    public void Loaded_is_raised_with_every_manifest_now_desired()
    {
        IReadOnlyList<ResourceManifest>? loaded = null;
        store.Loaded += manifests => loaded = manifests;

        store.Apply(Snapshot("r1", ("web.yaml", Service("web", "v1"))));

        Assert.That(loaded!.Select(m => m.Key), Is.EqualTo(new[] { Web }));
    }

    private static string Image(DesiredEntry entry) =>
        ((Reconciler.Core.Ecs.EcsServiceManifest)entry.Manifest).Spec.TaskDefinition.Containers[0].Image.ToString()!;

    private SourceSnapshot Snapshot(string revision, params (string Path, string Text)[] files)
    {
        var directory = Path.Combine(root, revision);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        Directory.CreateDirectory(directory);
        return new SourceSnapshot(revision, directory, DateTimeOffset.UnixEpoch);
    }

    private static string Service(string name, string tag) => $"""
        apiVersion: reconciler/v1alpha1
        kind: EcsService
        metadata:
          name: {name}
        spec:
          region: us-east-1
          desiredCount: 2
          cluster: default
          taskDefinition:
            family: {name}
            containers:
              - name: app
                image: registry.example/{name}:{tag}

        """;
}
