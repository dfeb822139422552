using Reconciler.Core.Rollout;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Diffing;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Health;
using Reconciler.Core.Planning;
using Reconciler.Core.Verification;

namespace Reconciler.Core.Ecs;

/// <summary>
/// The level-based decision for one ECS service, from (resolved desired, observed, now) alone. State that must
/// survive a restart is read from the service's tags: the fingerprint and target Reconciler last applied, the last
/// known-good task definition, and the fingerprint whose rollout failed (the pin that prevents a re-apply loop).
/// </summary>
public static class EcsDecider
{
    public static Decision Decide(EcsObservation observation, DecisionContext ctx)
    {
        var desired = observation.Desired;
        var service = observation.Service;
        var fingerprint = SpecFingerprint.Of(EcsDesiredNormalizer.Normalize(desired.Spec.TaskDefinition));
        var failed = DecisionRules.NonEmpty(service?.Tag(TagKeys.FailedFingerprint));
        // No revision (a one-shot apply without --revision may pass ""): nothing to write, and no way to tell drift.
        ctx = ctx with { GitRevision = DecisionRules.NonEmpty(ctx.GitRevision) };
        var planContext = new PlanContext(ctx.GitRevision, ctx.IgnorePin ? null : failed);
        var diff = EcsDiff.Diff(desired, service);
        if (service is null || diff.Missing)
        {
            return new Decision.Converge(EcsPlanner.Plan(desired, diff, planContext, service?.ServiceArn),
                new HealthAssessment(HealthStatus.Missing, "service does not exist yet"), "creating the service", diff.Changes, false);
        }
        var target = DecisionRules.NonEmpty(service.Tag(TagKeys.Target));
        var watching = service.Tag(TagKeys.Fingerprint) == fingerprint && target is not null
            && service.Tag(TagKeys.LastKnownGood) != target && (failed != fingerprint || ctx.IgnorePin);
        if (watching)
        {
            return Watch(observation, target!, fingerprint, ctx);
        }
        return Converge(observation, diff, planContext, fingerprint, failed, ctx);
    }

    private static Decision Watch(EcsObservation observation, string target, string fingerprint, DecisionContext ctx)
    {
        var service = observation.Service!;
        var desired = observation.Desired;
        var startedAt = service.Deployments.FirstOrDefault(d => d.TaskDefinitionArn == target)?.CreatedAt ?? ctx.Now;
        var deadline = desired.Spec.Deployment?.EffectiveProgressDeadline ?? EcsDeploymentSpec.DefaultProgressDeadline;
        var verdict = EcsRolloutAssessor.Assess(service, target, startedAt, ctx.Now, deadline);
        var record = new TagService(desired.Key, Where(observation), new Dictionary<string, string> { [TagKeys.LastKnownGood] = target });
        var shown = Short(target);
        var placeholders = new Dictionary<string, string> { ["{taskDefinition}"] = shown, ["{revision}"] = shown[(shown.LastIndexOf(':') + 1)..] };
        var verification = RolloutVerification.For(desired.Spec.Verify, service.Tag, ctx.Now, placeholders);
        return DecisionRules.FromVerdict(desired.Key, verdict, target, shown, _ => EcsHealth.Assess(service, target), record,
            reason => RollBack(observation, target, fingerprint, reason), verification);
    }

    private static Decision RollBack(EcsObservation observation, string target, string fingerprint, string reason)
    {
        var service = observation.Service!;
        var key = observation.Desired.Key;
        var pin = new TagService(key, Where(observation), new Dictionary<string, string> { [TagKeys.FailedFingerprint] = fingerprint });
        var failure = $"rollout of {Short(target)} failed: {reason}";
        var degraded = new HealthAssessment(HealthStatus.Degraded, failure);
        if (DecisionRules.RollbackOff(observation.Desired.Spec.Rollback, new Plan(key, [pin]), degraded, failure) is { } off)
        {
            return off;
        }
        var choice = RollbackTargetChooser.Choose(key, Where(observation), service, target, reason);
        if (choice.Action is null)
        {
            return new Decision.Stalled(new Plan(key, [pin]), degraded, choice.Reason, []);
        }
        var alreadyThere = service.TaskDefinitionArn == choice.Action.TargetVersion && service.Deployments.Count <= 1;
        // The rollback's own record (the target it points the service at) goes in the same upsert as the pin.
        var pinAndTarget = new TagService(key, Where(observation), new Dictionary<string, string>
        {
            [TagKeys.FailedFingerprint] = fingerprint,
            [TagKeys.Target] = choice.Action.TargetVersion,
        });
        var actions = alreadyThere ? new PlannedAction[] { pin } : [choice.Action, pinAndTarget];
        var message = alreadyThere ? $"{choice.Reason} (ECS had already rolled it back)" : choice.Reason;
        return new Decision.RollBack(new Plan(key, actions), degraded, message);
    }

    private static Decision Converge(EcsObservation observation, ResourceDiff diff, PlanContext planContext, string fingerprint, string? failed, DecisionContext ctx)
    {
        var service = observation.Service!;
        var desired = observation.Desired;
        var health = EcsHealth.Assess(service, service.TaskDefinitionArn);
        if (EcsPlanner.IsPinned(desired, diff, planContext))
        {
            return DecisionRules.Pinned(desired, Short(service.Tag(TagKeys.LastKnownGood) ?? service.TaskDefinitionArn), health, diff.Changes);
        }
        if (diff.InSync)
        {
            return DecisionRules.InSyncOrWatch(desired.Key, health);
        }
        var drift = IsDrift(service, diff, fingerprint, ctx, desired.Spec);
        if (DecisionRules.ReportOnly(desired, drift, diff, health) is { } reported)
        {
            return reported;
        }
        // A retry verifies afresh: the failed verification of the same target must not fail it again at once.
        var clearPin = new TagService(desired.Key, Where(observation), new Dictionary<string, string> { [TagKeys.FailedFingerprint] = "", [VerificationTags.Started] = "" });
        var plan = DecisionRules.LiftPin(EcsPlanner.Plan(desired, diff, planContext, service?.ServiceArn), ctx, failed, clearPin);
        return DecisionRules.Converge(plan, health, diff, drift);
    }

    /// <summary>
    /// Git did not move since Reconciler last wrote (same revision); or the exact spec in git is the one Reconciler
    /// last applied (spec tag), across unrelated commits; or the service no longer runs the task definition
    /// Reconciler deployed for an unchanged template.
    /// </summary>
    private static bool IsDrift(ObservedEcsService service, ResourceDiff diff, string fingerprint, DecisionContext ctx, EcsServiceSpec spec) =>
        (ctx.GitRevision is not null && service.Tag(TagKeys.GitRevision) == ctx.GitRevision)
        || service.Tag(TagKeys.Spec) == SpecFingerprint.OfService(spec)
        || (diff.Touches(ChangeScope.Template) && service.Tag(TagKeys.Fingerprint) == fingerprint
            && DecisionRules.NonEmpty(service.Tag(TagKeys.Target)) is { } target && service.TaskDefinitionArn != target);

    private static ActionLocation Where(EcsObservation observation) => observation.Desired.Location(observation.Service?.ServiceArn);

    private static string Short(string arn) => arn[(arn.LastIndexOf('/') + 1)..];
}
