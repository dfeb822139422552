using Reconciler.Core.CloudRun;
using Reconciler.Core.Diffing;
using Reconciler.Core.Fingerprints;

namespace Reconciler.Core.Planning;

/// <summary>
/// Turns a Cloud Run diff into actions. One service patch carries template, ingress, labels and traffic together;
/// a traffic-only change is a ShiftTraffic that creates no revision.
/// </summary>
public static class CloudRunPlanner
{
    public static Plan Plan(CloudRunServiceManifest desired, ResourceDiff diff, PlanContext ctx)
    {
        var key = desired.Key;
        if (diff.InSync || IsPinned(desired, diff, ctx))
        {
            return new Plan(key, []);
        }
        var fingerprint = SpecFingerprint.Of(desired.Spec);
        if (diff.Missing)
        {
            return new Plan(key, [new DeployRevision(key, desired.Spec, fingerprint, Create: true)]);
        }
        if (diff.Touches(ChangeScope.Template) || diff.Touches(ChangeScope.Service) || diff.Touches(ChangeScope.Tags))
        {
            return new Plan(key, [new DeployRevision(key, desired.Spec, fingerprint, Create: false)]);
        }
        return new Plan(key, [new ShiftTraffic(key, desired.Location, desired.Spec.Traffic ?? [])]);
    }

    /// <summary>Same pin as <see cref="EcsPlanner.IsPinned"/>: the template that failed is not deployed again.</summary>
    public static bool IsPinned(CloudRunServiceManifest desired, ResourceDiff diff, PlanContext ctx) =>
        ctx.FailedFingerprint is { } failed
        && (diff.Missing || diff.Touches(ChangeScope.Template))
        && failed == SpecFingerprint.Of(desired.Spec);
}
