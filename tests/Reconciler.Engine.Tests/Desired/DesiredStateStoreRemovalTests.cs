using Reconciler.Core.Model;
using Reconciler.Core.Sources;
using Reconciler.Engine.Desired;
using Reconciler.Manifests.Loading;

namespace Reconciler.Engine.Tests.Desired;

public sealed class DesiredStateStoreRemovalTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDir() => _dir = Directory.CreateTempSubdirectory("store-").FullName;

    [TearDown]
    public void DeleteDir() => Directory.Delete(_dir, recursive: true);

    private static string Manifest(string name) => $"""
        apiVersion: reconciler/v1alpha1
        kind: EcsService
        metadata:
          name: {name}
        spec:
          region: eu-west-3
          cluster: prod
          desiredCount: 1
          syncPolicy:
            prune: true
          taskDefinition:
            family: {name}
            containers:
              - name: app
                image: example/app:v1
        """;

    private SourceSnapshot Snapshot(string revision) => new(revision, _dir, DateTimeOffset.UnixEpoch);

    [Test]
    public void A_file_deleted_from_git_leaves_its_resource_as_a_remembered_orphan()
    {
        var store = new DesiredStateStore(new ManifestLoader());
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), Manifest("alpha"));
        File.WriteAllText(Path.Combine(_dir, "b.yaml"), Manifest("beta"));
        store.Apply(Snapshot("r1"));

        File.Delete(Path.Combine(_dir, "b.yaml"));
        var result = store.Apply(Snapshot("r2"));

        var beta = new ResourceKey("EcsService", "beta");
        Assert.That(result.Removed, Is.EquivalentTo(new[] { beta }));
        Assert.That(store.Get(beta), Is.Null);
        Assert.That(store.GetRemoved(beta)?.Manifest.SyncPolicy.PruneEnabled, Is.True);
    }

    [Test]
    public void A_broken_file_is_not_an_orphan_and_keeps_its_last_good_version()
    {
        var store = new DesiredStateStore(new ManifestLoader());
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), Manifest("alpha"));
        store.Apply(Snapshot("r1"));

        File.WriteAllText(Path.Combine(_dir, "a.yaml"), "apiVersion: [unclosed");
        var result = store.Apply(Snapshot("r2"));

        var alpha = new ResourceKey("EcsService", "alpha");
        Assert.That(result.Removed, Is.Empty);
        Assert.That(result.Errors, Has.Count.GreaterThan(0));
        Assert.That(store.Get(alpha)?.Stale, Is.True);
        Assert.That(store.Get(alpha)?.Revision, Is.EqualTo("r1"));
        Assert.That(store.GetRemoved(alpha), Is.Null);
    }

    [Test]
    public void A_resource_declared_again_is_no_longer_an_orphan()
    {
        var store = new DesiredStateStore(new ManifestLoader());
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), Manifest("alpha"));
        store.Apply(Snapshot("r1"));
        File.Delete(Path.Combine(_dir, "a.yaml"));
        store.Apply(Snapshot("r2"));

        File.WriteAllText(Path.Combine(_dir, "a.yaml"), Manifest("alpha"));
        store.Apply(Snapshot("r3"));

        Assert.That(store.GetRemoved(new ResourceKey("EcsService", "alpha")), Is.Null);
    }
}
