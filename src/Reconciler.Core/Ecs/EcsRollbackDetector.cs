
namespace Reconciler.Core.Ecs;

/// <summary>
/// Recognizes that ECS itself abandoned the target (deployment circuit breaker with rollback, or a CloudWatch
/// alarm rollback): the target's deployment went FAILED, a service event says it is rolling back, or the
/// PRIMARY deployment no longer runs the target.
/// </summary>
internal static class EcsRollbackDetector
{
    private static readonly string[] RollbackMarkers = ["rolling back", "circuit breaker"];

    /// <summary>A reason when the rollout was abandoned, else null.</summary>
    public static string? Detect(ObservedEcsService observed, string target, DateTimeOffset startedAt)
    {
        var targetDeployment = observed.Deployments.FirstOrDefault(d => d.TaskDefinitionArn == target && d.RolloutState == EcsStatuses.Failed);
        if (targetDeployment is not null && targetDeployment.Status != EcsStatuses.Primary)
        {
            return $"ECS rolled back: the deployment of {target} FAILED ({targetDeployment.RolloutStateReason ?? "no reason given"})";
        }
        var rollbackEvent = observed.Events
            .Where(e => e.CreatedAt >= startedAt)
            .OrderBy(e => e.CreatedAt)
            .FirstOrDefault(e => RollbackMarkers.Any(m => e.Message.Contains(m, StringComparison.OrdinalIgnoreCase)));
        if (rollbackEvent is not null)
        {
            return $"ECS rolled back: {rollbackEvent.Message}";
        }
        var running = observed.Deployments.FirstOrDefault(d => d.Status == EcsStatuses.Primary)?.TaskDefinitionArn
            ?? observed.TaskDefinitionArn;
        return running == target
            ? null
            : $"the service now runs {running}, not {target}: rolled back by ECS or changed outside Reconciler";
    }
}
