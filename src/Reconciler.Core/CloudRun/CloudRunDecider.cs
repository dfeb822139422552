using Reconciler.Core.Diffing;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Health;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rollout;
using Reconciler.Core.Seams;
using Reconciler.Core.Verification;

namespace Reconciler.Core.CloudRun;

/// <summary>
/// The level-based decision for one Cloud Run service, from (resolved desired, observed, now) alone, on the shared
/// <see cref="DecisionRules"/>. State that must survive a restart lives in the service's annotations
/// (<see cref="CloudRunAnnotations"/>): the template fingerprint and revision Reconciler last deployed, the last
/// known-good revision and the fingerprint whose rollout failed (the pin). A failed rollout routes 100 % of traffic
/// to the last known-good revision (what <c>gcloud run services update-traffic --to-revisions REV=100</c> does).
/// </summary>
public sealed class CloudRunDecider : IDecider
{
    public static CloudRunDecider Instance { get; } = new();

    public Decision Decide(Observation observation, DecisionContext context) => Decide(CloudRun(observation), context);

    public static Decision Decide(CloudRunObservation observation, DecisionContext ctx)
    {
        var desired = observation.Desired;
        var service = observation.Service;
        var fingerprint = SpecFingerprint.Of(desired.Spec);
        ctx = ctx with { GitRevision = DecisionRules.NonEmpty(ctx.GitRevision) };
        var failed = DecisionRules.NonEmpty(service?.Annotation(CloudRunAnnotations.FailedFingerprint));
        var planContext = new PlanContext(ctx.GitRevision, ctx.IgnorePin ? null : failed);
        var diff = CloudRunDiff.Diff(desired, service);
        if (service is null)
        {
            return new Decision.Converge(CloudRunPlanner.Plan(desired, diff, planContext),
                new HealthAssessment(HealthStatus.Missing, "service does not exist yet"), "creating the service", diff.Changes, false);
        }
        var health = CloudRunHealth.Assess(service);
        if (failed == fingerprint && !ctx.IgnorePin)
        {
            var rolledBackTo = DecisionRules.NonEmpty(service.Annotation(CloudRunAnnotations.LastKnownGood)) ?? service.LatestReadyRevision ?? "(none)";
            return DecisionRules.Pinned(desired, rolledBackTo, health, diff.Changes);
        }
        var target = DecisionRules.NonEmpty(service.Annotation(CloudRunAnnotations.Target));
        var watching = target is not null && failed != fingerprint
            && service.Annotation(CloudRunAnnotations.Fingerprint) == fingerprint
            && service.Annotation(CloudRunAnnotations.LastKnownGood) != target
            && service.TemplateRevision == target;
        return watching ? Watch(observation, target!, fingerprint, ctx) : Converge(observation, diff, planContext, fingerprint, failed, health, ctx);
    }

    /// <summary>Reconciler never deletes a Cloud Run service: one removed from git is reported, and left serving.</summary>
    public Decision DecideOrphan(Observation observation)
    {
        var o = CloudRun(observation);
        if (o.Service is null)
        {
            return new Decision.InSync(Plan.Empty(o.Desired.Key), new HealthAssessment(HealthStatus.Missing, "pruned: the service no longer exists"), "pruned: the service no longer exists");
        }
        var message = "removed from git; Reconciler does not delete Cloud Run services (it keeps serving): " +
            $"delete it with 'gcloud run services delete {o.Desired.Metadata.Name} --region {o.Desired.Spec.Region}' if that is intended";
        return new Decision.Stalled(Plan.Empty(o.Desired.Key), new HealthAssessment(HealthStatus.Unknown, message), message, []);
    }

    private static Decision Watch(CloudRunObservation observation, string target, string fingerprint, DecisionContext ctx)
    {
        var service = observation.Service!;
        var key = observation.Desired.Key;
        var startedAt = service.Revision(target)?.CreateTime ?? ctx.Now;
        var declared = CloudRunRolloutAssessor.DeclaredTraffic(observation.Desired.Spec);
        var verdict = CloudRunRolloutAssessor.Assess(service, target, declared, startedAt, ctx.Now, CloudRunRolloutAssessor.DefaultProgressDeadline);
        var record = new TagService(key, observation.Desired.Location, new Dictionary<string, string> { [CloudRunAnnotations.LastKnownGood] = target });
        var placeholders = new Dictionary<string, string> { ["{revision}"] = target, ["{taskDefinition}"] = target };
        var verification = RolloutVerification.For(observation.Desired.Spec.Verify, service.Annotation, ctx.Now, placeholders);
        return DecisionRules.FromVerdict(key, verdict, target, target, c => new HealthAssessment(HealthStatus.Healthy, c.Message), record,
            reason => RollBack(observation, target, fingerprint, reason), verification);
    }

    private static Decision RollBack(CloudRunObservation observation, string target, string fingerprint, string reason)
    {
        var service = observation.Service!;
        var key = observation.Desired.Key;
        var pin = new TagService(key, observation.Desired.Location, new Dictionary<string, string> { [CloudRunAnnotations.FailedFingerprint] = fingerprint });
        var degraded = new HealthAssessment(HealthStatus.Degraded, reason);
        if (DecisionRules.RollbackOff(observation.Desired.Spec.Rollback, new Plan(key, [pin]), degraded, reason) is { } off)
        {
            return off;
        }
        var lastKnownGood = DecisionRules.NonEmpty(service.Annotation(CloudRunAnnotations.LastKnownGood)) is { } lkg && lkg != target
            ? lkg
            : service.LatestReadyRevision is { } ready && ready != target ? ready : null;
        if (lastKnownGood is null)
        {
            return new Decision.Stalled(new Plan(key, [pin]), degraded,
                $"{reason}, and there is no known-good revision to route traffic to (no {CloudRunAnnotations.LastKnownGood} annotation, " +
                "no earlier ready revision); fix the manifest and commit", []);
        }
        var message = $"{reason}; routing 100% of traffic to the last known-good revision {lastKnownGood}";
        var alreadyThere = service.Traffic is [{ Percent: 100, Latest: not true } only] && only.Revision == lastKnownGood;
        PlannedAction[] actions = alreadyThere ? [pin] : [new Planning.RollBack(key, observation.Desired.Location, lastKnownGood, reason), pin];
        return new Decision.RollBack(new Plan(key, actions), degraded, message);
    }

    private static Decision Converge(CloudRunObservation observation, ResourceDiff diff, PlanContext planContext, string fingerprint,
        string? failed, HealthAssessment health, DecisionContext ctx)
    {
        var service = observation.Service!;
        var desired = observation.Desired;
        // A retry verifies afresh: the failed verification of the same target must not fail it again at once.
        var clearPin = new TagService(desired.Key, desired.Location, new Dictionary<string, string> { [CloudRunAnnotations.FailedFingerprint] = "", [VerificationTags.Started] = "" });
        if (ctx.IgnorePin && failed == fingerprint)
        {
            // The failed template is usually still the service's template (Cloud Run only moved traffic back), so a retry
            // deploys it again — same deterministic revision, traffic as declared — and watches it afresh.
            var retry = new Plan(desired.Key, [new DeployRevision(desired.Key, desired.Spec, fingerprint, Create: false), clearPin]);
            return new Decision.Converge(retry, health, "retrying the spec whose rollout failed (reconciler retry): deploying it again", diff.Changes, false);
        }
        if (diff.InSync)
        {
            return DecisionRules.InSyncOrWatch(desired.Key, health);
        }
        var drift = (ctx.GitRevision is not null && service.Annotation(CloudRunAnnotations.GitRevision) == ctx.GitRevision)
            || service.Annotation(CloudRunAnnotations.Spec) == SpecFingerprint.OfService(desired.Spec);
        if (DecisionRules.ReportOnly(desired, drift, diff, health) is { } reported)
        {
            return reported;
        }
        var plan = DecisionRules.LiftPin(CloudRunPlanner.Plan(desired, diff, planContext), ctx, failed, clearPin);
        return DecisionRules.Converge(plan, health, diff, drift);
    }

    private static CloudRunObservation CloudRun(Observation observation) => observation as CloudRunObservation
        ?? throw new ArgumentException($"the Cloud Run decider was given a {observation.GetType().Name}", nameof(observation));
}
