using Reconciler.Core.Diffing;
using Reconciler.Core.Health;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Rollout;
using Reconciler.Core.Verification;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The rules every platform's decider shares, written once (STYLE.md 3a): a failed spec stays pinned until git
/// changes or an operator retries; selfHeal off reports drift instead of correcting it; a spec in sync whose
/// resource is still progressing is watched, not reported in sync; a retry lifts the pin through a planned action;
/// a failed rollout with automatic rollback off stops. A platform supplies the facts (diff, health, the pin-clearing
/// action); these functions turn them into the decision.
/// </summary>
public static class DecisionRules
{
    /// <summary>The desired spec is the one whose rollout failed: nothing is written until a fix or a retry.</summary>
    public static Decision.Stalled Pinned(ResourceManifest desired, string rolledBackTo, HealthAssessment health, IReadOnlyList<FieldChange> changes)
    {
        var message = $"the rollout of this spec failed and was rolled back to {rolledBackTo}; " +
            $"commit a fix, or run 'reconciler retry {desired.Metadata.Name}' to try the same spec again";
        return new Decision.Stalled(Plan.Empty(desired.Key), health with { Status = HealthStatus.Degraded, Message = message }, message, changes);
    }

    /// <summary>
    /// Desired and observed agree. A resource still starting (e.g. an ECS scale-up, which starts no deployment) is
    /// watched, so <c>apply</c> does not report success with 1 of 3 tasks running.
    /// </summary>
    public static Decision InSyncOrWatch(ResourceKey key, HealthAssessment health) =>
        health.Status == HealthStatus.Progressing
            ? new Decision.Watch(Plan.Empty(key), health, health.Message)
            : new Decision.InSync(Plan.Empty(key), health, health.Message);

    /// <summary>Drift with <c>selfHeal: false</c> is reported (Stalled, counted as drift) and never corrected; null otherwise.</summary>
    public static Decision.Stalled? ReportOnly(ResourceManifest desired, bool drift, ResourceDiff diff, HealthAssessment health) =>
        drift && !desired.SyncPolicy.SelfHealEnabled
            ? new Decision.Stalled(Plan.Empty(desired.Key), health,
                $"changed outside git ({Describe(diff)}); not corrected because spec.syncPolicy.selfHeal is false", diff.Changes, IsDrift: true)
            : null;

    /// <summary>
    /// A retry (<see cref="DecisionContext.IgnorePin"/>) of a pinned resource appends the platform's pin-clearing
    /// action, so the lifted pin is itself a planned write and survives a restart.
    /// </summary>
    public static Plan LiftPin(Plan plan, DecisionContext context, string? failedFingerprint, PlannedAction clearPin) =>
        context.IgnorePin && failedFingerprint is not null ? plan with { Actions = [.. plan.Actions, clearPin] } : plan;

    /// <summary>Writes are needed: corrects drift or applies git.</summary>
    public static Decision.Converge Converge(Plan plan, HealthAssessment health, ResourceDiff diff, bool drift) =>
        new(plan, health, $"{(drift ? "correcting drift" : "applying")}: {Describe(diff)}", diff.Changes, drift);

    /// <summary>A failed rollout with <c>spec.rollback.automatic: false</c>: pin the spec and stop, no rollback.</summary>
    public static Decision.Stalled? RollbackOff(RollbackSpec? rollback, Plan pin, HealthAssessment degraded, string failure) =>
        rollback?.AutomaticEnabled ?? true
            ? null
            : new Decision.Stalled(pin, degraded, $"{failure}; automatic rollback is off", []);

    /// <summary>The first five changed fields, for messages.</summary>
    public static string Describe(ResourceDiff diff) =>
        string.Join("; ", diff.Changes.Take(5).Select(c => c.ToString())) + (diff.Changes.Count > 5 ? $"; and {diff.Changes.Count - 5} more" : "");

    /// <summary>
    /// A watched rollout's verdict as a decision: in progress → Watch (Progressing); completed → verified first when
    /// the spec has <c>verify</c> (<see cref="Verified"/>), then Completed, recording the target as last known-good with
    /// <paramref name="recordLastKnownGood"/>; failed → the platform's rollback.
    /// </summary>
    /// <param name="completedHealth">The health of the completed rollout, assessed only when it completed.</param>
    public static Decision FromVerdict(ResourceKey key, RolloutVerdict verdict, string target, string shownTarget,
        Func<RolloutVerdict.Completed, HealthAssessment> completedHealth, TagService recordLastKnownGood, Func<string, Decision> rollBack,
        RolloutVerification? verification = null) => verdict switch
    {
        RolloutVerdict.InProgress p => new Decision.Watch(Plan.Empty(key), new HealthAssessment(HealthStatus.Progressing, p.Message), p.Message),
        RolloutVerdict.Completed c when verification is not null => Verified(key, target, shownTarget, c, completedHealth, recordLastKnownGood, rollBack, verification),
        RolloutVerdict.Completed c => new Decision.Completed(new Plan(key, [recordLastKnownGood]), completedHealth(c), $"rollout of {shownTarget} completed", target),
        RolloutVerdict.Failed f => WithCause(rollBack(f.Message), f.Cause),
        _ => throw new InvalidOperationException($"unknown verdict {verdict}"),
    };

    /// <summary>The platform's rollback decision, or the stall that replaces it, carries the verdict's typed cause.</summary>
    private static Decision WithCause(Decision decision, RolloutFailure cause) => decision switch
    {
        Decision.RollBack r => r with { Cause = cause },
        Decision.Stalled s => s with { Cause = cause },
        _ => decision,
    };

    /// <summary>
    /// The platform says the rollout is ready; <c>spec.verify</c> decides whether it is Completed: still running →
    /// Watch carrying the run (Progressing, "verifying: ..."); passed → Completed; failed → the same rollback, pin and
    /// Degraded status as a failed health check, with the check's evidence.
    /// </summary>
    private static Decision Verified(ResourceKey key, string target, string shownTarget, RolloutVerdict.Completed completed,
        Func<RolloutVerdict.Completed, HealthAssessment> completedHealth, TagService recordLastKnownGood, Func<string, Decision> rollBack,
        RolloutVerification verification)
    {
        var spec = verification.Spec;
        var state = verification.Recorded is { } recorded && recorded.IsFor(spec, target)
            ? recorded
            : VerificationState.Start(spec, target, verification.Now);
        return Verifier.Evaluate(spec, state, verification.Now) switch
        {
            VerificationVerdict.Passed passed => new Decision.Completed(new Plan(key, [recordLastKnownGood]), completedHealth(completed),
                $"rollout of {shownTarget} completed and {passed.Message}", target),
            VerificationVerdict.Failed failed => WithCause(rollBack($"verification failed: {failed.Evidence}"), RolloutFailure.VerificationFailed),
            VerificationVerdict.Running running => new Decision.Watch(Plan.Empty(key), new HealthAssessment(HealthStatus.Progressing, running.Message),
                running.Message, new VerificationRun(spec, state, running.Due, running.NextAt, verification.Placeholders, recordLastKnownGood.Location)),
            _ => throw new InvalidOperationException("unknown verification verdict"),
        };
    }

    /// <summary>State read from tags or annotations: an empty value means "not set".</summary>
    public static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
