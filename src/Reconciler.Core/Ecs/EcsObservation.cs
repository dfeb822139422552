using Reconciler.Core.Seams;

namespace Reconciler.Core.Ecs;

/// <summary>
/// An ECS service as observed: the manifest with SSM references resolved, and the live service (null = missing).
/// </summary>
public sealed record EcsObservation(EcsServiceManifest Desired, ObservedEcsService? Service) : Observation(Desired)
{
    public override string? AppliedRevision => Service?.Tag(TagKeys.GitRevision);

    public override string? LastKnownGood => Service?.Tag(TagKeys.LastKnownGood);
}
