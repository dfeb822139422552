using Reconciler.Core.Health;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The level-based verdict for one resource, computed purely from (desired, observed, now). The engine executes
/// <see cref="Plan"/> (possibly empty) and maps the decision to an outcome and status in one place.
/// </summary>
public abstract record Decision(Plan Plan, HealthAssessment Health, string Message)
{
    /// <summary>The cloud was changed outside git: corrected (selfHeal) or only reported (selfHeal off).</summary>
    public bool DetectsDrift => this is Converge { IsDrift: true } or Stalled { IsDrift: true };

    /// <summary>The fields that differ, when the decision is about a difference.</summary>
    public IReadOnlyList<Diffing.FieldChange> DifferingFields => this switch
    {
        Converge c => c.Changes,
        Stalled s => s.Changes,
        _ => [],
    };

    /// <summary>Desired and observed agree and the current rollout (if any) completed.</summary>
    public sealed record InSync(Plan Plan, HealthAssessment Health, string Message) : Decision(Plan, Health, Message);

    /// <summary>Writes are needed (create, new revision, scale, settings, tags): apply, then watch.</summary>
    public sealed record Converge(Plan Plan, HealthAssessment Health, string Message, IReadOnlyList<Diffing.FieldChange> Changes, bool IsDrift)
        : Decision(Plan, Health, Message);

    /// <summary>
    /// A rollout is in progress: observe again soon. With <see cref="Verification"/>, the platform says the rollout is
    /// ready and <c>spec.verify</c> is running: the engine runs the due checks and records their results.
    /// </summary>
    public sealed record Watch(Plan Plan, HealthAssessment Health, string Message, Verification.VerificationRun? Verification = null)
        : Decision(Plan, Health, Message);

    /// <summary>The rollout completed: the plan records <see cref="KnownGood"/> as the new last known-good.</summary>
    public sealed record Completed(Plan Plan, HealthAssessment Health, string Message, string KnownGood) : Decision(Plan, Health, Message);

    /// <summary>The rollout failed (<see cref="Cause"/> says why): the plan rolls back to the last known-good and pins the failed fingerprint.</summary>
    public sealed record RollBack(Plan Plan, HealthAssessment Health, string Message, Rollout.RolloutFailure Cause = Rollout.RolloutFailure.Other)
        : Decision(Plan, Health, Message);

    /// <summary>
    /// Nothing will be written until the manifest changes (pinned failed spec, selfHeal off, no rollback target).
    /// <see cref="Cause"/>: why the rollout failed, when a failed rollout stalled (automatic rollback off, or nothing
    /// to roll back to); null for a stall that is not a failed rollout.
    /// </summary>
    public sealed record Stalled(Plan Plan, HealthAssessment Health, string Message, IReadOnlyList<Diffing.FieldChange> Changes, bool IsDrift = false,
        Rollout.RolloutFailure? Cause = null)
        : Decision(Plan, Health, Message);
}
