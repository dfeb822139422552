using Reconciler.Core.Rollout;
using Reconciler.Core.Diffing;
using Reconciler.Core.Health;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Status;
using Reconciler.Testing.Builders;

namespace Reconciler.Engine.Tests.Reconciling;

/// <summary>One reconcile's record projected onto status: sync, health, revisions, drift count, conditions, events.</summary>
public sealed class StatusProjectionTests
{
    private static readonly ResourceKey Key = new("EcsService", "api");
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Plan NoPlan = Plan.Empty(Key);
    private static readonly string Arn2 = ObservedEcsBuilder.TaskDefinitionArn(2);

    private static ResourceStatus Empty() =>
        new("EcsService", "api", SyncStatus.Unknown, HealthStatus.Unknown, null, null, null, "", null, [], [], null, 0);

    private static ReconcileRecord Record(Decision? decision, ReconcileOutcome outcome, string? error = null, bool stale = false) =>
        new(new DesiredEntry(EcsManifestBuilder.Manifest(), "rev-2", "services/api.yaml", stale))
        {
            Decision = decision,
            Health = decision?.Health,
            Error = error,
            Outcome = outcome,
        };

    private static HealthAssessment H(HealthStatus status, string message = "m") => new(status, message);

    private static IEnumerable<TestCaseData> Decisions()
    {
        yield return new TestCaseData(new Decision.InSync(NoPlan, H(HealthStatus.Healthy), "2/2 running"), SyncStatus.Synced, HealthStatus.Healthy, null)
            .SetName("in sync is Synced with the assessed health and adds no event");
        yield return new TestCaseData(new Decision.Converge(NoPlan, H(HealthStatus.Healthy), "applying: image", [], false), SyncStatus.OutOfSync, HealthStatus.Healthy, "Normal")
            .SetName("converge is OutOfSync and records a Normal event");
        yield return new TestCaseData(new Decision.Watch(NoPlan, H(HealthStatus.Progressing), "1/2 new tasks running"), SyncStatus.Synced, HealthStatus.Progressing, "Normal")
            .SetName("a watched rollout is Synced and Progressing");
        yield return new TestCaseData(new Decision.RollBack(NoPlan, H(HealthStatus.Degraded), "rolling back"), SyncStatus.OutOfSync, HealthStatus.Degraded, "Warning")
            .SetName("a rollback is OutOfSync, Degraded and a Warning event");
        yield return new TestCaseData(new Decision.Stalled(NoPlan, H(HealthStatus.Degraded), "pinned", []), SyncStatus.OutOfSync, HealthStatus.Degraded, "Warning")
            .SetName("a stalled decision is OutOfSync and a Warning event");
    }

    [TestCaseSource(nameof(Decisions))]
    public void A_decision_sets_sync_health_and_event(Decision decision, SyncStatus sync, HealthStatus health, string? eventType)
    {
        var status = StatusProjection.Project(Empty(), Record(decision, new ReconcileOutcome.Converged()), Now);

        Assert.That((status.Sync, status.Health), Is.EqualTo((sync, health)));
        Assert.That(status.Message, Is.EqualTo(decision.Message));
        Assert.That(status.DesiredRevision, Is.EqualTo("rev-2"));
        Assert.That(status.LastReconciledAt, Is.EqualTo(Now));
        Assert.That(status.Events.Select(e => e.Type), eventType is null ? Is.Empty : Is.EqualTo(new[] { eventType }));
    }

    [Test]
    public void A_completed_rollout_becomes_the_last_known_good()
    {
        var completed = new Decision.Completed(NoPlan, H(HealthStatus.Healthy), "rollout completed", Arn2);

        var status = StatusProjection.Project(Empty() with { LastKnownGood = "old" }, Record(completed, new ReconcileOutcome.Converged()), Now);

        Assert.That(status.LastKnownGood, Is.EqualTo(Arn2));
        Assert.That(status.Sync, Is.EqualTo(SyncStatus.Synced));
    }

    [Test]
    public void Drift_increments_the_drift_count_and_a_plain_change_does_not()
    {
        var change = new FieldChange("desiredCount", "2", "5", ChangeScope.Service);
        var drift = new Decision.Converge(NoPlan, H(HealthStatus.Healthy), "correcting drift", [change], IsDrift: true);
        var commit = new Decision.Converge(NoPlan, H(HealthStatus.Healthy), "applying", [change], IsDrift: false);

        var once = StatusProjection.Project(Empty(), Record(drift, new ReconcileOutcome.Waiting(TimeSpan.FromSeconds(5), "")), Now);
        var twice = StatusProjection.Project(once, Record(commit, new ReconcileOutcome.Waiting(TimeSpan.FromSeconds(5), "")), Now);

        Assert.That((once.DriftCount, twice.DriftCount), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void Drift_that_lasts_across_reconciles_is_counted_once_and_again_after_it_ends()
    {
        var change = new FieldChange("desiredCount", "2", "5", ChangeScope.Count);
        var reported = new Decision.Stalled(NoPlan, H(HealthStatus.Healthy), "changed outside git", [change], IsDrift: true);
        var synced = new Decision.InSync(NoPlan, H(HealthStatus.Healthy), "in sync");
        var stalled = new ReconcileOutcome.Stalled("changed outside git");

        var first = StatusProjection.Project(Empty(), Record(reported, stalled), Now);
        var resync = StatusProjection.Project(first, Record(reported, stalled), Now);
        var fixedByHand = StatusProjection.Project(resync, Record(synced, new ReconcileOutcome.Converged()), Now);
        var again = StatusProjection.Project(fixedByHand, Record(reported, stalled), Now);

        Assert.That(new[] { first.DriftCount, resync.DriftCount, fixedByHand.DriftCount, again.DriftCount }, Is.EqualTo(new[] { 1L, 1L, 1L, 2L }));
    }

    [Test]
    public void An_error_before_any_decision_keeps_sync_and_reports_the_error_as_unknown_health()
    {
        var old = Empty() with { Sync = SyncStatus.Synced, Health = HealthStatus.Healthy };

        var status = StatusProjection.Project(old, Record(null, new ReconcileOutcome.Failed("throttled", true), error: "DescribeServices failed: throttled"), Now);

        Assert.That((status.Sync, status.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Unknown)));
        Assert.That(status.Message, Is.EqualTo("DescribeServices failed: throttled"));
        Assert.That(status.LastError, Is.EqualTo(status.Message));
        Assert.That(status.Events.Single().Reason, Is.EqualTo("ReconcileError"));
        Assert.That(status.Conditions.Single(c => c.Type == "Reconciling").Status, Is.True);
    }

    [Test]
    public void A_broken_file_is_named_in_the_message_of_its_resources()
    {
        var inSync = new Decision.InSync(NoPlan, H(HealthStatus.Healthy), "2/2 running");

        var status = StatusProjection.Project(Empty(), Record(inSync, new ReconcileOutcome.Converged(), stale: true), Now);

        Assert.That(status.Message, Does.StartWith("manifest file services/api.yaml is broken; keeping its last good version."));
    }

    [Test]
    public void A_long_rollout_does_not_push_the_apply_and_rollback_events_out_of_the_history()
    {
        var status = StatusProjection.Project(Empty(), Record(new Decision.Converge(NoPlan, H(HealthStatus.Healthy), "applying: image v2", [], false), new ReconcileOutcome.Converged()), Now);
        for (var i = 0; i < 3 * StatusStore.MaxEvents; i++)
        {
            var progress = new Decision.Watch(NoPlan, H(HealthStatus.Progressing), $"{i % 3}/2 new tasks running; {i} tasks stopped");
            status = StatusProjection.Project(status, Record(progress, new ReconcileOutcome.Waiting(TimeSpan.FromSeconds(5), "")), Now.AddSeconds(5 * i));
        }
        status = StatusProjection.Project(status, Record(new Decision.RollBack(NoPlan, H(HealthStatus.Degraded), "rolling back to api:1"), new ReconcileOutcome.Stalled("")), Now.AddHours(1));

        Assert.That(status.Events.Select(e => e.Reason), Is.EqualTo(new[] { "Converge", "Watch", "RollBack" }));
    }

    private static IEnumerable<TestCaseData> EndedVerifications()
    {
        // The message says nothing of verification: the typed cause decides.
        yield return new TestCaseData(new Decision.Stalled(NoPlan, H(HealthStatus.Degraded), "check smoke: 3 of 3 failed; automatic rollback is off", [],
            Cause: RolloutFailure.VerificationFailed), VerificationStatus.Failed).SetName("A stalled rollout whose verification failed ends the verification failed");
        yield return new TestCaseData(new Decision.Stalled(NoPlan, H(HealthStatus.Degraded), "verification failed earlier; tasks kept stopping", [],
            Cause: RolloutFailure.TasksStopping), VerificationStatus.Stopped).SetName("A stalled rollout that failed for another cause stops the verification whatever its message says");
        yield return new TestCaseData(new Decision.RollBack(NoPlan, H(HealthStatus.Degraded), "rolling back to api:1", RolloutFailure.VerificationFailed),
            VerificationStatus.Failed).SetName("A rollback caused by the verification ends it failed");
        yield return new TestCaseData(new Decision.RollBack(NoPlan, H(HealthStatus.Degraded), "verification failed: rolling back to api:1", RolloutFailure.DeploymentFailed),
            VerificationStatus.Stopped).SetName("A rollback for another cause stops the verification");
    }

    [TestCaseSource(nameof(EndedVerifications))]
    public void A_running_verification_ends_by_the_decisions_typed_cause(Decision decision, string result)
    {
        var running = Empty() with { Verification = new VerificationStatus("api:2", Now, VerificationStatus.Running, []) };

        var status = StatusProjection.Project(running, Record(decision, new ReconcileOutcome.Stalled("")), Now.AddMinutes(1));

        Assert.That(status.Verification?.Result, Is.EqualTo(result));
    }
}
