using Reconciler.Core.Health;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Status;
using Reconciler.Engine.Status;

namespace Reconciler.Engine.Reconciling;

/// <summary>Pure projection of one reconcile's record onto the resource's status (sync, health, conditions, events).</summary>
internal static class StatusProjection
{
    public static ResourceStatus Project(ResourceStatus old, ReconcileRecord record, DateTimeOffset now)
    {
        var decision = record.Decision;
        var health = record.Health ?? (record.Error is null ? null : new HealthAssessment(HealthStatus.Unknown, record.Error));
        var message = record.Error ?? decision?.Message ?? health?.Message ?? old.Message;
        var events = old.Events;
        if (decision is not null && IsEvent(decision, events))
        {
            events = StatusStore.Append(events, new ResourceEvent(now, EventType(decision), decision.GetType().Name, decision.Message));
        }
        if (record.Error is not null)
        {
            events = StatusStore.Append(events, new ResourceEvent(now, "Warning", "ReconcileError", record.Error));
        }
        return old with
        {
            Sync = Sync(decision, old.Sync),
            Health = health?.Status ?? old.Health,
            DesiredRevision = record.Entry.Revision,
            AppliedRevision = record.Observation?.AppliedRevision ?? old.AppliedRevision,
            LastKnownGood = (decision as Decision.Completed)?.KnownGood ?? record.Observation?.LastKnownGood ?? old.LastKnownGood,
            Message = record.Entry.Stale ? $"manifest file {record.Entry.File} is broken; keeping its last good version. {message}" : message,
            LastError = record.Error,
            Conditions = Conditions(old.Conditions, record, now),
            Events = events,
            LastReconciledAt = now,
            DriftCount = old.DriftCount + (decision is { DetectsDrift: true } && !old.InDrift ? 1 : 0),
            InDrift = decision?.DetectsDrift ?? old.InDrift,
            Orphaned = record.Orphan,
            Verification = record.Verification ?? Ended(old.Verification, decision),
        };
    }

    /// <summary>A verification that was running ends with the rollout: passed when it completed, failed or stopped when it rolled back.</summary>
    private static VerificationStatus? Ended(VerificationStatus? old, Decision? decision) => (old, decision) switch
    {
        ({ Result: VerificationStatus.Running }, Decision.Completed) => old with { Result = VerificationStatus.Passed },
        ({ Result: VerificationStatus.Running }, Decision.RollBack or Decision.Stalled { Health.Status: HealthStatus.Degraded }) =>
            old with { Result = CauseOf(decision) == Reconciler.Core.Rollout.RolloutFailure.VerificationFailed ? VerificationStatus.Failed : VerificationStatus.Stopped },
        _ => old,
    };

    private static Reconciler.Core.Rollout.RolloutFailure? CauseOf(Decision decision) => decision switch
    {
        Decision.RollBack r => r.Cause,
        Decision.Stalled s => s.Cause,
        _ => null,
    };

    private static SyncStatus Sync(Decision? decision, SyncStatus old) => decision switch
    {
        Decision.InSync or Decision.Completed or Decision.Watch => SyncStatus.Synced,
        Decision.Converge or Decision.RollBack or Decision.Stalled => SyncStatus.OutOfSync,
        _ => old,
    };

    /// <summary>
    /// A rollout's progress ("1/2 new tasks running") lives in the message; as events it would push the apply and the
    /// rollback out of the bounded history, so a watched rollout is one event. Nothing to do is no event.
    /// </summary>
    private static bool IsEvent(Decision decision, IReadOnlyList<ResourceEvent> events) => decision switch
    {
        Decision.InSync => false,
        Decision.Watch => events.LastOrDefault()?.Reason != nameof(Decision.Watch),
        _ => true,
    };

    private static string EventType(Decision decision) =>
        decision is Decision.RollBack or Decision.Stalled ? "Warning" : "Normal";

    private static IReadOnlyList<Condition> Conditions(IReadOnlyList<Condition> old, ReconcileRecord record, DateTimeOffset now) =>
        Core.Status.Conditions.For(old, record.Outcome, now);
}
