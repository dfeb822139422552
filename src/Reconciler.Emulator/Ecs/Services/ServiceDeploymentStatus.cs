namespace Reconciler.Emulator.Ecs.Services;

/// <summary>Maps a deployment's rollout to the ServiceDeployment status of ListServiceDeployments.</summary>
internal static class ServiceDeploymentStatus
{
    public static (string Status, string? Reason) Of(DeploymentRecord deployment) => deployment switch
    {
        { RolloutState: "COMPLETED" } => ("SUCCESSFUL", null),
        { RolloutState: "FAILED", RolledBackBy: { } rollback } => rollback.RolloutState switch
        {
            "COMPLETED" => ("ROLLBACK_SUCCESSFUL", deployment.RolloutStateReason),
            "FAILED" => ("ROLLBACK_FAILED", deployment.RolloutStateReason),
            _ => ("ROLLBACK_IN_PROGRESS", deployment.RolloutStateReason),
        },
        { RolloutState: "FAILED" } => ("STOPPED", deployment.RolloutStateReason),
        { SupersededAt: not null } => ("STOPPED", "Superseded by a newer service deployment."),
        _ => ("IN_PROGRESS", null),
    };
}
