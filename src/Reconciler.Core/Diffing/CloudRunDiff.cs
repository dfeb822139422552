using Reconciler.Core.CloudRun;

namespace Reconciler.Core.Diffing;

/// <summary>
/// Desired Cloud Run service vs live state. Template fields (containers, scaling, service account) need a new
/// revision; ingress is a service setting; traffic and labels are their own scopes. Unset = unmanaged.
/// </summary>
public static class CloudRunDiff
{
    public static ResourceDiff Diff(CloudRunServiceManifest desired, ObservedCloudRunService? observed)
    {
        if (observed is null)
        {
            return new ResourceDiff(desired.Key, Missing: true, Changes: []);
        }
        var spec = desired.Spec;
        var live = observed.Template;
        var changes = new ChangeList();
        changes.Scalar("template.serviceAccount", spec.ServiceAccount, live.ServiceAccount, ChangeScope.Template);
        if (spec.Scaling is { } scaling)
        {
            var liveScaling = live.Scaling ?? new CloudRunScaling();
            changes.Scalar("template.scaling.minInstances", scaling.MinInstances, liveScaling.MinInstances, ChangeScope.Template);
            changes.Scalar("template.scaling.maxInstances", scaling.MaxInstances, liveScaling.MaxInstances, ChangeScope.Template);
        }
        CompareContainers(changes, spec.EffectiveContainers, live.EffectiveContainers);
        changes.Scalar("ingress", spec.Ingress, live.Ingress, ChangeScope.Service);
        changes.Set("traffic", spec.Traffic?.Select(Describe).ToArray(), observed.Traffic.Select(Describe).ToArray(), ChangeScope.Traffic);
        changes.Map("labels", spec.Labels, observed.Labels, ChangeScope.Tags, exact: false);
        return new ResourceDiff(desired.Key, Missing: false, Changes: changes.Changes);
    }

    /// <summary>Matched by position: the first container receives requests, and names are optional in Cloud Run.</summary>
    private static void CompareContainers(ChangeList changes, IReadOnlyList<CloudRunContainerSpec> desired, IReadOnlyList<CloudRunContainerSpec> observed)
    {
        for (var i = 0; i < Math.Max(desired.Count, observed.Count); i++)
        {
            var d = i < desired.Count ? desired[i] : null;
            var o = i < observed.Count ? observed[i] : null;
            var path = $"template.containers[{d?.Name ?? o?.Name ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            if (d is null || o is null)
            {
                changes.Add(new FieldChange(path, d?.Image.ToString(), o?.Image.ToString(), ChangeScope.Template));
                continue;
            }
            CloudRunContainerDiff.Compare(changes, path, d, o);
        }
    }

    private static string Describe(CloudRunTrafficTarget t) =>
        $"{t.Percent}% {(t.Latest == true ? "LATEST" : t.Revision)}{(t.Tag is null ? "" : " tag=" + t.Tag)}";
}
