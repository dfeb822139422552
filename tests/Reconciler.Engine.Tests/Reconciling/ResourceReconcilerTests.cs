using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Health;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Seams;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Status;
using Reconciler.Manifests.Loading;
using Reconciler.Testing.Builders;

namespace Reconciler.Engine.Tests.Reconciling;

/// <summary>One key, reconciled against a scripted platform: each outcome and what status it leaves behind.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ResourceReconcilerTests
{
    private readonly EcsServiceManifest manifest = EcsManifestBuilder.Manifest();
    private readonly DesiredStateStore desired = new(new ManifestLoader());
    private readonly StatusStore status = new();
    private readonly RetryRequests retries = new();
    private readonly ScriptedPlatform platform = new();
    private readonly FakeTimeProvider wall = new();
    private readonly EngineOptions options = new();
    private ReconcilerMetrics metrics = null!;
    private ResourceReconciler reconciler = null!;

    private ResourceKey Key => manifest.Key;

    [SetUp]
    public void Declare()
    {
        metrics = new ReconcilerMetrics();
        reconciler = new ResourceReconciler(desired, [platform], status, metrics, retries, options,
            new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)), NullLogger<ResourceReconciler>.Instance, wall);
        Load(manifest);
    }

    [TearDown]
    public void Dispose() => metrics.Dispose();

    private void Load(params ResourceManifest[] manifests) =>
        desired.Apply(new LoadResult([new FileLoadResult("/repo/api.yaml", manifests, [])]), "rev-1", "/repo");

    private Task<ReconcileOutcome> Reconcile() => reconciler.ReconcileAsync(Key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    private ResourceStatus Status() => status.Get(Key)!;

    [Test]
    public async Task A_missing_service_is_created_and_watched()
    {
        var outcome = await Reconcile();

        Assert.That(outcome, Is.EqualTo(new ReconcileOutcome.Waiting(options.RolloutPollInterval, "creating the service")));
        Assert.That(platform.Applied.Single().Actions.OfType<CreateService>(), Has.Exactly(1).Items);
        Assert.That((Status().Sync, Status().Health, Status().DesiredRevision), Is.EqualTo((SyncStatus.OutOfSync, HealthStatus.Missing, "rev-1")));
    }

    [Test]
    public async Task A_service_in_sync_is_converged_without_writes()
    {
        platform.Service = ObservedEcsBuilder.InSyncWith(manifest);

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Converged>());
        Assert.That(platform.Applied, Is.Empty);
        Assert.That(Status().Sync, Is.EqualTo(SyncStatus.Synced));
        Assert.That(Status().Conditions.Single(c => c.Type == "Ready").Status, Is.True);
    }

    [TestCase(true, typeof(ReconcileOutcome.Failed), TestName = "A retryable platform error fails the reconcile for a back-off")]
    [TestCase(false, typeof(ReconcileOutcome.Stalled), TestName = "A non-retryable platform error stalls until the manifest changes")]
    public async Task A_platform_error_is_an_outcome_and_a_status_message(bool retryable, Type expected)
    {
        platform.ObserveError = new PlatformException("cluster 'prod' not found in eu-west-1", retryable);

        var outcome = await Reconcile();

        Assert.That(outcome, Is.InstanceOf(expected));
        Assert.That(Status().LastError, Is.EqualTo("cluster 'prod' not found in eu-west-1"));
        Assert.That(Status().Message, Is.EqualTo(Status().LastError));
    }

    [Test]
    public async Task An_unexpected_exception_is_contained_to_the_key_as_a_retryable_failure()
    {
        platform.Service = ObservedEcsBuilder.InSyncWith(manifest) with { DesiredCount = 5 };
        platform.ApplyError = new InvalidOperationException("bug");

        var outcome = await Reconcile();

        Assert.That(outcome, Is.EqualTo(new ReconcileOutcome.Failed("internal error: InvalidOperationException: bug", true)));
        Assert.That(Status().LastError, Does.Contain("bug"));
    }

    [Test]
    public async Task A_hung_cloud_call_ends_at_the_reconcile_timeout_with_a_clear_error()
    {
        platform.Hang = true;
        var reconciling = Reconcile();
        await platform.Observing.WaitAsync(TimeSpan.FromSeconds(10));

        wall.Advance(options.ReconcileTimeout);
        var outcome = await reconciling.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(outcome, Is.InstanceOf<ReconcileOutcome.Failed>().With.Property("Retryable").True);
        Assert.That(Status().LastError, Does.Contain("did not finish within 120s"));
    }

    [Test]
    public void Shutdown_is_not_reported_as_a_failure()
    {
        platform.Hang = true;
        using var shutdown = new CancellationTokenSource();
        var reconciling = reconciler.ReconcileAsync(Key, shutdown.Token);

        shutdown.Cancel();

        Assert.That(async () => await reconciling, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task A_resource_no_longer_declared_is_reported_as_an_orphan_and_left_alone()
    {
        Load();

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Converged>());
        Assert.That(platform.Observed, Is.Zero);
        Assert.That((Status().Orphaned, Status().Sync), Is.EqualTo((true, SyncStatus.OutOfSync)));
    }

    [Test]
    public async Task A_removed_resource_with_prune_on_is_scaled_to_zero_when_we_manage_it()
    {
        var pruned = manifest with { Spec = manifest.Spec with { SyncPolicy = new SyncPolicy(Prune: true) } };
        var kept = EcsManifestBuilder.Manifest(name: "kept");
        Load(pruned, kept);
        Load(kept);
        platform.Service = ObservedEcsBuilder.InSyncWith(pruned) with
        {
            Tags = new Dictionary<string, string> { [TagKeys.ManagedBy] = TagKeys.ManagedByValue },
        };

        var outcome = await Reconcile();

        Assert.That(outcome, Is.InstanceOf<ReconcileOutcome.Waiting>());
        Assert.That(platform.Applied.Single().Actions.OfType<UpdateService>().Single().DesiredCount, Is.EqualTo(0));
        Assert.That(Status().Orphaned, Is.True);
    }

    [Test]
    public async Task A_removed_resource_with_prune_on_leaves_a_service_we_did_not_create_alone()
    {
        var pruned = manifest with { Spec = manifest.Spec with { SyncPolicy = new SyncPolicy(Prune: true) } };
        var kept = EcsManifestBuilder.Manifest(name: "kept");
        Load(pruned, kept);
        Load(kept);
        platform.Service = ObservedEcsBuilder.InSyncWith(pruned) with { Tags = new Dictionary<string, string>() };

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Stalled>());
        Assert.That(platform.Applied, Is.Empty);
    }

    private static EcsServiceManifest Prunable(string name) =>
        EcsManifestBuilder.Manifest(name: name) is var m ? m with { Spec = m.Spec with { SyncPolicy = new SyncPolicy(Prune: true) } } : null!;

    [Test]
    public async Task An_emptied_snapshot_orphaning_every_prunable_service_makes_no_write_and_stalls_each_with_the_reason()
    {
        var services = new[] { Prunable("api"), Prunable("web"), Prunable("worker") };
        Load(services);
        var result = desired.Apply(new LoadResult([]), "rev-2", "/repo");
        platform.Service = ObservedEcsBuilder.InSyncWith(services[0]) with
        {
            Tags = new Dictionary<string, string> { [TagKeys.ManagedBy] = TagKeys.ManagedByValue },
        };

        var outcomes = new List<ReconcileOutcome>();
        foreach (var key in result.Removed)
        {
            outcomes.Add(await reconciler.ReconcileAsync(key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        }

        var reason = "prune refused: the new snapshot declares no resources at all, which would prune 3 of 3; " +
            "fix the source (an empty snapshot is never pruned; delete the last services by hand if that is what you want)";
        Assert.That(result.Removed, Has.Count.EqualTo(3));
        Assert.That(result.Prune, Is.EqualTo(new PruneVerdict.Refused(reason)));
        Assert.That(outcomes, Is.All.EqualTo(new ReconcileOutcome.Stalled(reason)));
        Assert.That((platform.Observed, platform.Applied.Count), Is.EqualTo((0, 0)));
        Assert.That(services.Select(s => status.Get(s.Key)!).Select(s => (s.Orphaned, s.Sync, s.Message)),
            Is.All.EqualTo((true, SyncStatus.OutOfSync, reason)));
    }

    [Test]
    public async Task A_refused_prune_stays_refused_on_the_next_commit_and_proceeds_once_a_snapshot_is_within_the_limits()
    {
        var services = Enumerable.Range(1, 6).Select(i => Prunable($"svc-{i}")).ToArray();
        Load(services);
        desired.Apply(new LoadResult([new FileLoadResult("/repo/api.yaml", services[..1], [])]), "rev-2", "/repo");
        var next = desired.Apply(new LoadResult([new FileLoadResult("/repo/api.yaml", services[..1], [])]), "rev-3", "/repo");
        platform.Service = ObservedEcsBuilder.InSyncWith(services[5]) with
        {
            Tags = new Dictionary<string, string> { [TagKeys.ManagedBy] = TagKeys.ManagedByValue },
        };

        var held = await reconciler.ReconcileAsync(services[5].Key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(next.Prune, Is.InstanceOf<PruneVerdict.Refused>().With.Property("Reason").StartsWith("prune refused: the new snapshot orphans 5 of 6 resources (limit 5 / 50%)"));
        Assert.That(held, Is.InstanceOf<ReconcileOutcome.Stalled>());
        Assert.That(platform.Applied, Is.Empty);

        var fixedUp = desired.Apply(new LoadResult([new FileLoadResult("/repo/api.yaml", services[..5], [])]), "rev-4", "/repo");
        var pruning = await reconciler.ReconcileAsync(services[5].Key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(fixedUp.Prune, Is.InstanceOf<PruneVerdict.Allowed>());
        Assert.That(fixedUp.Removed, Is.EqualTo(new[] { services[5].Key }));
        Assert.That(pruning, Is.InstanceOf<ReconcileOutcome.Waiting>());
        Assert.That(platform.Applied.Single().Actions.OfType<UpdateService>().Single().DesiredCount, Is.EqualTo(0));
    }

    [Test]
    public async Task A_suspended_resource_is_not_observed()
    {
        var suspended = manifest with { Spec = manifest.Spec with { SyncPolicy = new SyncPolicy(Suspend: true) } };
        Load(suspended);

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Converged>());
        Assert.That(platform.Observed, Is.Zero);
        Assert.That(Status().Health, Is.EqualTo(HealthStatus.Suspended));
    }

    [Test]
    public async Task A_kind_no_platform_handles_is_stalled_with_the_reason()
    {
        var cloudRun = CloudRunManifestBuilder.Manifest();
        Load(cloudRun);

        var outcome = await reconciler.ReconcileAsync(cloudRun.Key, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(new ReconcileOutcome.Stalled("CloudRunService is not supported yet by this build")));
    }

    [Test]
    public async Task A_retry_whose_apply_is_throttled_is_kept_for_the_next_reconcile()
    {
        PinFailedSpec();
        retries.Request(Key);
        platform.ApplyError = new PlatformException("UpdateService failed in eu-west-1: ThrottlingException: Rate exceeded", retryable: true);

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Failed>());
        platform.ApplyError = null;

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Waiting>(), "the operator's retry was not lost to the throttling");
        Assert.That(platform.Applied, Has.Count.EqualTo(1));
    }

    private void PinFailedSpec()
    {
        var failed = EcsManifestBuilder.WithImage("repo/api:2-bad", manifest);
        Load(failed);
        var fingerprint = SpecFingerprint.Of(failed.Spec.TaskDefinition);
        var arn = ObservedEcsBuilder.TaskDefinitionArn(1);
        var live = ObservedEcsBuilder.InSyncWith(manifest);
        platform.Service = live with { Tags = new Dictionary<string, string>(live.Tags) { [TagKeys.FailedFingerprint] = fingerprint, [TagKeys.LastKnownGood] = arn, [TagKeys.Target] = arn } };
    }

    [Test]
    public async Task A_retry_request_lifts_the_pin_for_one_reconcile_only()
    {
        PinFailedSpec();

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Stalled>(), "pinned");
        retries.Request(Key);
        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Waiting>(), "retried");
        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Stalled>(), "the retry was used up");
        Assert.That(platform.Applied, Has.Count.EqualTo(1));
        Assert.That(platform.Applied[0].Actions.OfType<TagService>().Any(t => t.Tags.TryGetValue(TagKeys.FailedFingerprint, out var v) && v == ""), Is.True);
    }
}
