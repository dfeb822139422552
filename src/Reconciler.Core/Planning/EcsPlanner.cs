using Reconciler.Core.Diffing;
using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;

namespace Reconciler.Core.Planning;

/// <summary>
/// Turns an ECS diff into ordered, idempotent actions: at most one RegisterTaskDefinition, then one
/// CreateService or UpdateService (template, count and settings folded into one call), then TagService.
/// </summary>
public static class EcsPlanner
{
    /// <param name="serviceArn">The observed service's ARN (the tag action writes to it); null while the service is missing.</param>
    public static Plan Plan(EcsServiceManifest desired, ResourceDiff diff, PlanContext ctx, string? serviceArn = null)
    {
        var key = desired.Key;
        if (diff.InSync || IsPinned(desired, diff, ctx))
        {
            return new Plan(key, []);
        }
        var spec = EcsDesiredNormalizer.Normalize(desired.Spec);
        var fingerprint = SpecFingerprint.Of(spec.TaskDefinition);
        var register = new RegisterTaskDefinition(key, spec.TaskDefinition, fingerprint, spec.Region);
        if (diff.Missing)
        {
            return new Plan(key, [register, new CreateService(key, spec, fingerprint)]);
        }
        var actions = new List<PlannedAction>();
        var template = diff.Touches(ChangeScope.Template);
        if (template)
        {
            actions.Add(register);
        }
        var update = template || diff.Touches(ChangeScope.Count) || diff.Touches(ChangeScope.Service);
        if (update)
        {
            actions.Add(new UpdateService(key, spec,
                TaskDefinitionFingerprint: template ? fingerprint : null,
                DesiredCount: diff.Touches(ChangeScope.Count) ? spec.DesiredCount : null,
                Settings: diff.Touches(ChangeScope.Service)));
        }
        // Every change records what was applied (spec, revision), so drift and appliedRevision stay true after a
        // count- or settings-only commit too; a new template also records the target being rolled out. One upsert
        // covers a tags change made in the same commit.
        if (update || diff.Touches(ChangeScope.Tags))
        {
            actions.Add(new TagService(key, desired.Location(serviceArn), ServiceTags(spec, fingerprint, ctx), TargetFingerprint: template ? fingerprint : null));
        }
        return new Plan(key, actions);
    }

    /// <summary>
    /// True when the desired template is the one whose rollout failed and was rolled back: re-applying it would
    /// loop deploy → fail → roll back. The plan is then empty and the caller reports Stalled until git changes.
    /// </summary>
    public static bool IsPinned(EcsServiceManifest desired, ResourceDiff diff, PlanContext ctx) =>
        ctx.FailedFingerprint is { } failed
        && (diff.Missing || diff.Touches(ChangeScope.Template))
        && failed == SpecFingerprint.Of(desired.Spec.TaskDefinition);

    /// <summary>
    /// The manifest's tags plus the tags Reconciler keeps its own state in. Not <see cref="TagKeys.ManagedBy"/>: an
    /// adopted service (made by hand, then declared) must never become prunable by being updated; see <see cref="CreationTags"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ServiceTags(EcsServiceSpec spec, string fingerprint, PlanContext ctx)
    {
        var tags = new Dictionary<string, string>(spec.Tags ?? new Dictionary<string, string>())
        {
            [TagKeys.Fingerprint] = fingerprint,
            [TagKeys.Spec] = SpecFingerprint.OfService(spec),
        };
        if (ctx.GitRevision is { } revision)
        {
            tags[TagKeys.GitRevision] = revision;
        }
        return tags;
    }

    /// <summary>The tags CreateService sends: <see cref="ServiceTags"/> plus managed-by, written only here (only a service Reconciler created is ever pruned).</summary>
    public static IReadOnlyDictionary<string, string> CreationTags(EcsServiceSpec spec, string fingerprint, PlanContext ctx) =>
        new Dictionary<string, string>(ServiceTags(spec, fingerprint, ctx)) { [TagKeys.ManagedBy] = TagKeys.ManagedByValue };
}
