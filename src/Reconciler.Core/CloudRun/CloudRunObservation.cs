using Reconciler.Core.Seams;

namespace Reconciler.Core.CloudRun;

/// <summary>
/// A Cloud Run service as observed: the manifest as resolved (ingress in its manifest spelling) and the live
/// service (null = missing). State survives restarts in the service's annotations (<see cref="CloudRunAnnotations"/>).
/// </summary>
public sealed record CloudRunObservation(CloudRunServiceManifest Desired, ObservedCloudRunService? Service) : Observation(Desired)
{
    public override string? AppliedRevision => Service?.Annotation(CloudRunAnnotations.GitRevision);

    public override string? LastKnownGood => Service?.Annotation(CloudRunAnnotations.LastKnownGood);
}
