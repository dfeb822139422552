using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Core.Model;
using Reconciler.Core.Health;
using Reconciler.Engine.Controller;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Queue;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Sources;
using Reconciler.Engine.Status;
using Reconciler.Engine.Tests.Reconciling;
using Reconciler.Manifests.Loading;
using Reconciler.Testing.Builders;

namespace Reconciler.Engine.Tests.Controller;

/// <summary>The controller loop on a plain directory and a scripted platform: fetch, enqueue, reconcile, readiness, containment.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReconcileControllerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly string root = Directory.CreateTempSubdirectory("reconciler-controller-").FullName;
    private readonly DesiredStateStore desired = new(new ManifestLoader());
    private readonly StatusStore status = new();
    private readonly ScriptedPlatform platform = new();
    private readonly SourceTrigger trigger = new();
    private readonly ReconcilerMetrics metrics = new();
    private readonly WorkQueue<ResourceKey> queue = new(new WorkQueueOptions { HandOutsPerSecond = double.PositiveInfinity });
    private ReconcileController controller = null!;

    [SetUp]
    public void Build()
    {
        var options = new EngineOptions { PollInterval = TimeSpan.FromHours(1), Resync = TimeSpan.FromHours(1), Workers = 2 };
        var reconciler = new ResourceReconciler(desired, [platform], status, metrics, new RetryRequests(), options, TimeProvider.System,
            NullLogger<ResourceReconciler>.Instance);
        controller = new ReconcileController(new DirectorySource(root), desired, reconciler, queue, trigger, status, metrics, options,
            TimeProvider.System, NullLogger<ReconcileController>.Instance);
    }

    [TearDown]
    public async Task Stop()
    {
        await controller.StopAsync(CancellationToken.None);
        controller.Dispose();
        metrics.Dispose();
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task A_fetched_manifest_is_reconciled_and_the_controller_becomes_ready()
    {
        Write("web", "v1");
        platform.Service = ObservedEcsBuilder.InSyncWith(Manifest("web", "v1"));

        await controller.StartAsync(CancellationToken.None);
        await status.WaitUntilAsync(s => s.Get(Key("web"))?.Sync == SyncStatus.Synced, Guard);

        Assert.That(controller.Ready, Is.True);
        Assert.That(status.Source.Revision, Does.StartWith("dir:"));
    }

    [Test]
    public async Task A_trigger_fetches_at_once_and_a_new_resource_is_reconciled()
    {
        await controller.StartAsync(CancellationToken.None);
        await status.WaitUntilAsync(s => s.Source.Revision is not null, Guard);
        Assert.That(status.All(), Is.Empty);

        Write("api", "v1");
        trigger.Request();

        await status.WaitUntilAsync(s => s.Get(Key("api")) is { Health: HealthStatus.Missing }, Guard);
        Assert.That(platform.Applied, Is.Not.Empty);
    }

    [Test]
    public async Task A_snapshot_that_fails_to_load_is_reported_and_the_loop_goes_on()
    {
        Write("web", "v1");
        var fail = true;
        desired.Loaded += _ => { if (fail) throw new InvalidOperationException("seeding the demo cloud failed"); };

        await controller.StartAsync(CancellationToken.None);
        await status.WaitUntilAsync(s => s.Source.FetchError is not null, Guard);
        Assert.That(status.Source.FetchError, Does.Contain("seeding the demo cloud failed"));
        Assert.That(controller.Ready, Is.False);

        fail = false;
        trigger.Request();
        await status.WaitUntilAsync(s => s.Get(Key("web")) is not null, Guard);
        Assert.That(controller.Ready, Is.True);
    }

    private static ResourceKey Key(string name) => new("EcsService", name);

    private static Core.Ecs.EcsServiceManifest Manifest(string name, string tag) =>
        (Core.Ecs.EcsServiceManifest)new ManifestLoader().LoadText(name + ".yaml", Yaml(name, tag)).Manifests.Single();

    private void Write(string name, string tag) => File.WriteAllText(Path.Combine(root, name + ".yaml"), Yaml(name, tag));

    private static string Yaml(string name, string tag) => $"""
        apiVersion: reconciler/v1alpha1
        kind: EcsService
        metadata:
          name: {name}
        spec:
          region: us-east-1
          cluster: default
          desiredCount: 1
          taskDefinition:
            family: {name}
            containers:
              - name: app
                image: registry.example/{name}:{tag}

        """;
}
