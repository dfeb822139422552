using Reconciler.Core.Health;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Status;

namespace Reconciler.Engine.Tests.Metrics;

/// <summary>The instruments under the names and labels docs/metrics.md promises (the exporter adds no suffix to these).</summary>
public sealed class ReconcilerMetricsTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Reconciles_are_counted_by_kind_and_result_and_timed_by_kind()
    {
        using var metrics = new ReconcilerMetrics();
        using var snapshot = new MeterSnapshot(metrics);

        metrics.RecordReconcile("EcsService", new ReconcileOutcome.Converged(), TimeSpan.FromMilliseconds(20));
        metrics.RecordReconcile("EcsService", new ReconcileOutcome.Stalled("pinned"), TimeSpan.FromMilliseconds(30));
        metrics.RecordReconcile("EcsService", new ReconcileOutcome.Failed("ThrottlingException: Rate exceeded", true), TimeSpan.FromMilliseconds(40));

        Assert.That(snapshot.Sum("reconciler_reconcile_total", ("kind", "EcsService"), ("result", "converged")), Is.EqualTo(1));
        Assert.That(snapshot.Sum("reconciler_reconcile_total", ("kind", "EcsService"), ("result", "stalled")), Is.EqualTo(1));
        Assert.That(snapshot.Sum("reconciler_reconcile_total", ("kind", "EcsService"), ("result", "error")), Is.EqualTo(1), "controller-runtime's word");
        Assert.That(snapshot.Of("reconciler_reconcile_total").SelectMany(m => m.Tags.Values), Has.None.Contains("Rate exceeded"), "no message in a label");
        Assert.That(snapshot.Of("reconciler_reconcile_duration_seconds", ("kind", "EcsService")).Select(m => m.Value), Is.EqualTo(new[] { 0.02, 0.03, 0.04 }));
        Assert.That(metrics.Meter.Name, Is.EqualTo("Reconciler"));
    }

    [Test]
    public void Resource_gauges_follow_the_status_store_and_leave_no_stale_info_series()
    {
        var status = new StatusStore();
        using var metrics = new ReconcilerMetrics(status);
        using var snapshot = new MeterSnapshot(metrics);
        status.Update(Web, s => s with { Sync = SyncStatus.OutOfSync, Health = HealthStatus.Progressing });
        Assert.That(snapshot.Sum("reconciler_resource_synced", ("name", "web")), Is.EqualTo(0));

        status.Update(Web, s => s with { Sync = SyncStatus.Synced, Health = HealthStatus.Healthy });

        var info = snapshot.Of("reconciler_resource_info", ("kind", "EcsService"), ("name", "web"));
        Assert.That(info, Has.Count.EqualTo(1));
        Assert.That(info[0].Tags, Does.ContainKey("sync_status").WithValue("Synced").And.ContainKey("health_status").WithValue("Healthy"));
        Assert.That(snapshot.Sum("reconciler_resource_synced", ("kind", "EcsService"), ("name", "web")), Is.EqualTo(1));
        Assert.That(snapshot.Sum("reconciler_resource_healthy", ("name", "web")), Is.EqualTo(1));
        Assert.That(snapshot.Sum("reconciler_resource_suspended", ("name", "web")), Is.EqualTo(0));
    }

    [Test]
    public void A_rollout_is_timed_from_its_first_apply_to_its_end_and_a_rollback_is_counted_with_a_fixed_reason()
    {
        using var metrics = new ReconcilerMetrics();
        using var snapshot = new MeterSnapshot(metrics);

        metrics.RolloutApplied(Web, T0);
        metrics.RolloutApplied(Web, T0.AddSeconds(30));
        var ended = metrics.RolloutEnded(Web, "rolled_back", T0.AddSeconds(90));
        metrics.RecordRollback(Web, Core.Rollout.RolloutFailure.TasksStopping);

        Assert.That(ended, Is.True);
        Assert.That(snapshot.Of("reconciler_rollout_duration_seconds", ("kind", "EcsService"), ("result", "rolled_back")).Single().Value, Is.EqualTo(90));
        var rollback = snapshot.Of("reconciler_rollbacks_total", ("kind", "EcsService"), ("name", "web")).Single();
        Assert.That(rollback.Tags["reason"], Is.EqualTo("tasks_stopping"));
        Assert.That(metrics.RolloutEnded(Web, "completed", T0.AddSeconds(100)), Is.False, "an end without a start records nothing");
    }

    [Test]
    public void Source_gauges_show_the_last_success_the_revision_and_the_manifest_errors()
    {
        using var metrics = new ReconcilerMetrics();
        using var snapshot = new MeterSnapshot(metrics);
        Assert.That(snapshot.Of("reconciler_source_last_success_timestamp_seconds"), Is.Empty, "no success yet: no timestamp");

        metrics.RecordFetch(true, T0);
        metrics.RecordFetch(false);
        metrics.SetSourceRevision("abc123");
        metrics.SetManifestErrors(2);

        Assert.That(snapshot.Sum("reconciler_source_fetch_total", ("result", "success")), Is.EqualTo(1));
        Assert.That(snapshot.Sum("reconciler_source_fetch_total", ("result", "error")), Is.EqualTo(1));
        Assert.That(snapshot.Of("reconciler_source_last_success_timestamp_seconds").Single().Value, Is.EqualTo(T0.ToUnixTimeSeconds()));
        Assert.That(snapshot.Of("reconciler_source_revision_info").Single().Tags["revision"], Is.EqualTo("abc123"));
        Assert.That(snapshot.Of("reconciler_manifest_errors").Single().Value, Is.EqualTo(2));
    }

    [Test]
    public void Queue_depth_wait_and_retries_are_reported_and_retries_start_at_zero()
    {
        using var metrics = new ReconcilerMetrics();
        using var snapshot = new MeterSnapshot(metrics);
        Assert.That(snapshot.Of("reconciler_workqueue_retries_total").Single().Value, Is.EqualTo(0));

        metrics.TrackQueueDepth(() => 7);
        metrics.RecordQueueWait(TimeSpan.FromSeconds(2));
        metrics.RecordQueueRetry();

        Assert.That(snapshot.Of("reconciler_workqueue_depth").Single().Value, Is.EqualTo(7));
        Assert.That(snapshot.Of("reconciler_workqueue_wait_seconds").Single().Value, Is.EqualTo(2));
        Assert.That(snapshot.Of("reconciler_workqueue_retries_total").Single().Value, Is.EqualTo(1));
    }
}
