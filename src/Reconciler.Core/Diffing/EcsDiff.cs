using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;

namespace Reconciler.Core.Diffing;

/// <summary>
/// Desired ECS service vs live state. Only fields the manifest sets are compared, so API defaults and other
/// tools' additions never show up as drift. Values must be resolved (SSM references) before calling.
/// </summary>
public static class EcsDiff
{
    public static ResourceDiff Diff(EcsServiceManifest desired, ObservedEcsService? observed)
    {
        // INACTIVE is what DescribeServices reports for a deleted service: it must be created again.
        if (observed is null || observed.Status == EcsStatuses.Inactive)
        {
            return new ResourceDiff(desired.Key, Missing: true, Changes: []);
        }
        var spec = EcsDesiredNormalizer.Normalize(desired.Spec);
        var changes = new ChangeList();
        CompareTaskDefinition(changes, spec.TaskDefinition, observed);
        changes.Scalar("desiredCount", spec.DesiredCount, observed.DesiredCount, ChangeScope.Count);
        EcsServiceSettingsDiff.Compare(changes, spec.Service, observed.Settings);
        EcsServiceSettingsDiff.Compare(changes, spec.Deployment, observed.Deployment);
        changes.Map("tags", spec.Tags, observed.Tags, ChangeScope.Tags, exact: false);
        return new ResourceDiff(desired.Key, Missing: false, Changes: changes.Changes);
    }

    private static void CompareTaskDefinition(ChangeList changes, EcsTaskDefinitionSpec desired, ObservedEcsService observed)
    {
        var fingerprint = SpecFingerprint.Of(desired);
        if (observed.TaskDefinition is not { } current)
        {
            // The running revision could not be described; only a register + update can make it known again.
            changes.Add(new FieldChange("taskDefinition", fingerprint, observed.TaskDefinitionArn, ChangeScope.Template));
            return;
        }
        // Fast path: the revision we registered carries the fingerprint of the spec it was made from.
        if (current.Fingerprint == fingerprint)
        {
            return;
        }
        EcsTaskDefinitionDiff.Compare(changes, desired, current.Spec);
    }
}
