using Reconciler.Core.Diffing;
using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Health;
using Reconciler.Core.Planning;
using Reconciler.Core.Rollout;

namespace Reconciler.Core.Reconciling;

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
        var failed = NonEmpty(service?.Tag(TagKeys.FailedFingerprint));
        // No revision (a one-shot apply without --revision may pass ""): nothing to write, and no way to tell drift.
        ctx = ctx with { GitRevision = NonEmpty(ctx.GitRevision) };
        var planContext = new PlanContext(ctx.GitRevision, ctx.IgnorePin ? null : failed);
        var diff = EcsDiff.Diff(desired, service);
        if (service is null || diff.Missing)
        {
            return new Decision.Converge(EcsPlanner.Plan(desired, diff, planContext),
                new HealthAssessment(HealthStatus.Missing, "service does not exist yet"), "creating the service", diff.Changes, false);
        }
        var target = NonEmpty(service.Tag(TagKeys.Target));
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
        var key = desired.Key;
        switch (verdict)
        {
            case RolloutVerdict.InProgress p:
                return new Decision.Watch(Plan.Empty(key), new HealthAssessment(HealthStatus.Progressing, p.Message), p.Message);
            case RolloutVerdict.Completed c:
                var record = new TagService(key, new Dictionary<string, string> { [TagKeys.LastKnownGood] = target });
                return new Decision.Completed(new Plan(key, [record]), EcsHealth.Assess(service, target), $"rollout of {Short(target)} completed", target);
            case RolloutVerdict.Failed f:
                return RollBack(observation, target, fingerprint, f.Message);
            default:
                throw new InvalidOperationException($"unknown verdict {verdict}");
        }
    }

    private static Decision RollBack(EcsObservation observation, string target, string fingerprint, string reason)
    {
        var service = observation.Service!;
        var key = observation.Desired.Key;
        var pin = new TagService(key, new Dictionary<string, string> { [TagKeys.FailedFingerprint] = fingerprint });
        var degraded = new HealthAssessment(HealthStatus.Degraded, $"rollout of {Short(target)} failed: {reason}");
        if (!(observation.Desired.Spec.Rollback?.AutomaticEnabled ?? true))
        {
            return new Decision.Stalled(new Plan(key, [pin]), degraded, $"rollout of {Short(target)} failed: {reason}; automatic rollback is off", []);
        }
        var choice = RollbackTargetChooser.Choose(key, service, target, reason);
        if (choice.Action is null)
        {
            return new Decision.Stalled(new Plan(key, [pin]), degraded, choice.Reason, []);
        }
        var alreadyThere = service.TaskDefinitionArn == choice.Action.TargetTaskDefinitionArn && service.Deployments.Count <= 1;
        var actions = alreadyThere ? new PlannedAction[] { pin } : [choice.Action, pin];
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
            var message = $"the rollout of this spec failed and was rolled back to {Short(service.Tag(TagKeys.LastKnownGood) ?? service.TaskDefinitionArn)}; " +
                $"commit a fix, or run 'reconciler retry {desired.Metadata.Name}' to try the same spec again";
            return new Decision.Stalled(Plan.Empty(desired.Key), health with { Status = HealthStatus.Degraded, Message = message }, message, diff.Changes);
        }
        if (diff.InSync)
        {
            // Scaling adds no deployment to watch, yet "apply" must not report success with 1 of 3 tasks running.
            return health.Status == HealthStatus.Progressing
                ? new Decision.Watch(Plan.Empty(desired.Key), health, health.Message)
                : new Decision.InSync(Plan.Empty(desired.Key), health, health.Message);
        }
        var drift = IsDrift(service, diff, fingerprint, ctx, desired.Spec);
        if (drift && !desired.SyncPolicy.SelfHealEnabled)
        {
            return new Decision.Stalled(Plan.Empty(desired.Key), health,
                $"changed outside git ({Describe(diff)}); not corrected because spec.syncPolicy.selfHeal is false", diff.Changes, IsDrift: true);
        }
        var plan = EcsPlanner.Plan(desired, diff, planContext);
        if (ctx.IgnorePin && failed is not null)
        {
            plan = plan with { Actions = [.. plan.Actions, new TagService(desired.Key, new Dictionary<string, string> { [TagKeys.FailedFingerprint] = "" })] };
        }
        var verb = drift ? "correcting drift" : "applying";
        return new Decision.Converge(plan, health, $"{verb}: {Describe(diff)}", diff.Changes, drift);
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
            && NonEmpty(service.Tag(TagKeys.Target)) is { } target && service.TaskDefinitionArn != target);

    private static string Describe(ResourceDiff diff) =>
        string.Join("; ", diff.Changes.Take(5).Select(c => c.ToString())) + (diff.Changes.Count > 5 ? $"; and {diff.Changes.Count - 5} more" : "");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Short(string arn) => arn[(arn.LastIndexOf('/') + 1)..];
}
