using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Core.Model;
using Reconciler.Core.Sources;
using Reconciler.Engine.Controller;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Queue;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Status;
using Reconciler.Engine.Tests.Reconciling;
using Reconciler.Manifests.Loading;

namespace Reconciler.Engine.Tests.Controller;

/// <summary>Issue 9: a source that keeps failing while an old commit is served must not be reported ready.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class StaleSourceReadinessTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly string root = Directory.CreateTempSubdirectory("reconciler-stale-").FullName;
    private readonly StatusStore status = new();
    private readonly ReconcilerMetrics metrics = new();
    private readonly StaleAwareSource source = new();
    private ReconcileController controller = null!;

    [SetUp]
    public void Build()
    {
        source.Directory = root;
        var desired = new DesiredStateStore(new ManifestLoader());
        var options = new EngineOptions { PollInterval = TimeSpan.FromHours(1), Resync = TimeSpan.FromHours(1), Workers = 1 };
        var reconciler = new ResourceReconciler(desired, [new ScriptedPlatform()], status, metrics, new RetryRequests(), options, TimeProvider.System,
            NullLogger<ResourceReconciler>.Instance);
        controller = new ReconcileController(source, desired, reconciler,
            new WorkQueue<ResourceKey>(new WorkQueueOptions { HandOutsPerSecond = double.PositiveInfinity }), new SourceTrigger(), status, metrics, options,
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
    public async Task A_stale_source_makes_the_controller_not_ready_until_it_is_fresh_again()
    {
        await controller.StartAsync(CancellationToken.None);
        await status.WaitUntilAsync(s => s.Source.Revision is not null, Guard);
        Assert.That(controller.Ready, Is.True);

        source.Staleness = "no successful fetch for 5 polls in a row";
        Assert.That(controller.Ready, Is.False);

        source.Staleness = null;
        Assert.That(controller.Ready, Is.True);
    }

    private sealed class StaleAwareSource : IDesiredStateSource, ISourceHealth
    {
        public string Directory { get; set; } = "";

        public string? Staleness { get; set; }

        public Task<SourceSnapshot> FetchAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new SourceSnapshot("r1", Directory, DateTimeOffset.UnixEpoch));

        public string Describe() => "a test source";
    }
}
