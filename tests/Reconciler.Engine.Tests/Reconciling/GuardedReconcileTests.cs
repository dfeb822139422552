using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Ecs;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Sharding;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Status;
using Reconciler.Manifests.Loading;
using Reconciler.Testing.Builders;

namespace Reconciler.Engine.Tests.Reconciling;

/// <summary>One key against the daemon's guards: the write allow-list (refused before any write) and the shard (never touched).</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class GuardedReconcileTests
{
    private readonly EcsServiceManifest manifest = EcsManifestBuilder.Manifest();
    private readonly DesiredStateStore desired = new(new ManifestLoader());
    private readonly StatusStore status = new();
    private readonly ScriptedPlatform platform = new();
    private readonly EngineOptions options = new();
    private ReconcilerMetrics metrics = null!;

    [SetUp]
    public void Declare()
    {
        metrics = new ReconcilerMetrics();
        desired.Apply(new LoadResult([new FileLoadResult("/repo/api.yaml", [manifest], [])]), "rev-1", "/repo");
    }

    [TearDown]
    public void Dispose() => metrics.Dispose();

    private Task<ReconcileOutcome> Reconcile() =>
        new ResourceReconciler(desired, [platform], status, metrics, new RetryRequests(), options, new FakeTimeProvider(),
            NullLogger<ResourceReconciler>.Instance, new FakeTimeProvider()).ReconcileAsync(manifest.Key, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    private static WriteAllowList Only(WriteScope scope, params string[] values) =>
        new(new Dictionary<WriteScope, IReadOnlyList<string>> { [scope] = values });

    [Test]
    public async Task A_plan_for_an_account_outside_the_allow_list_is_not_applied_and_the_resource_is_stalled_with_the_reason()
    {
        options.WriteAllowList = Only(WriteScope.AwsAccount, "111111111111");

        var outcome = await Reconcile();

        Assert.That(platform.Applied, Is.Empty, "no write");
        Assert.That(outcome, Is.InstanceOf<ReconcileOutcome.Stalled>().With.Property("Code").EqualTo(ReconcileOutcome.WriteRefused));
        var stalled = status.Get(manifest.Key)!.Conditions.Single(c => c.Type == "Stalled");
        Assert.That((stalled.Status, stalled.Reason), Is.EqualTo((true, "WriteRefused")));
        Assert.That(stalled.Message, Does.Contain($"{manifest.Key}: AWS account 123456789012 is not in --allow-aws-accounts (111111111111)"));
        Assert.That(status.Get(manifest.Key)!.Sync, Is.EqualTo(SyncStatus.OutOfSync));
    }

    [Test]
    public async Task A_plan_inside_the_allow_list_is_applied()
    {
        options.WriteAllowList = Only(WriteScope.AwsRegion, manifest.Spec.Region);

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Waiting>());
        Assert.That(platform.Applied, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_resource_in_sync_outside_the_allow_list_is_only_read_and_stays_ready()
    {
        options.WriteAllowList = Only(WriteScope.EcsCluster, "elsewhere");
        platform.Service = ObservedEcsBuilder.InSyncWith(manifest);

        Assert.That(await Reconcile(), Is.InstanceOf<ReconcileOutcome.Converged>(), "nothing to write, nothing to refuse");
    }

    [Test]
    public async Task A_key_of_another_shard_is_neither_observed_nor_written_nor_listed()
    {
        var owner = ShardAssignment.ShardOf(manifest.Key, 2);
        options.Shard = new ShardAssignment(1 - owner, 2);

        var outcome = await Reconcile();

        Assert.That((platform.Observed, platform.Applied.Count), Is.EqualTo((0, 0)));
        Assert.That(outcome, Is.EqualTo(new ReconcileOutcome.Converged($"owned by shard {owner} of 2")));
        Assert.That(status.Get(manifest.Key), Is.Null);
    }

    [Test]
    public async Task A_key_of_this_shard_is_reconciled()
    {
        options.Shard = new ShardAssignment(ShardAssignment.ShardOf(manifest.Key, 2), 2);

        await Reconcile();

        Assert.That(platform.Applied, Has.Count.EqualTo(1));
    }
}
