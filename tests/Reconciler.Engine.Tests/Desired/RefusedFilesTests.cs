using Reconciler.Core.Model;
using Reconciler.Core.Sources;
using Reconciler.Engine.Desired;
using Reconciler.Manifests.Loading;

namespace Reconciler.Engine.Tests.Desired;

/// <summary>
/// A file the source refused (a link leaving the repository, a manifest that is not UTF-8) is a broken file: it is
/// reported by name and its resources keep their last good version instead of becoming orphans.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RefusedFilesTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");
    private readonly DesiredStateStore store = new(new ManifestLoader());
    private string root = null!;

    [SetUp]
    public void CreateFolder() => root = Directory.CreateTempSubdirectory("reconciler-refused-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(root, recursive: true);

    [Test]
    public void A_refused_file_is_an_error_naming_it_and_keeps_its_resources_at_the_last_good_version()
    {
        store.Apply(Snapshot("r1", web: true));

        var result = store.Apply(Snapshot("r2", web: false) with
        {
            RefusedFiles = [new RefusedFile("web.yaml", "is not UTF-8 text (invalid byte at offset 9); the file is ignored: save it as UTF-8")],
        });

        Assert.That(result.Errors.Single(), Does.StartWith("web.yaml:").And.Contain("RC0016").And.Contain("is not UTF-8 text"));
        Assert.That(result.Removed, Is.Empty, "a refused file must never read as 'delete these resources'");
        Assert.That(store.Get(Web)!.Revision, Is.EqualTo("r1"));
        Assert.That(store.Get(Web)!.Stale, Is.True);
    }

    private SourceSnapshot Snapshot(string revision, bool web)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, revision)).FullName;
        if (web)
        {
            File.WriteAllText(Path.Combine(directory, "web.yaml"), """
                apiVersion: reconciler/v1alpha1
                kind: EcsService
                metadata:
                  name: web
                spec:
                  region: us-east-1
                  desiredCount: 2
                  cluster: default
                  taskDefinition:
                    family: web
                    containers:
                      - name: app
                        image: registry.example/web:v1

                """);
        }
        return new SourceSnapshot(revision, directory, DateTimeOffset.UnixEpoch);
    }
}
