namespace Reconciler.Emulator.Ecs.Services;

/// <summary>
/// The ECS deployment circuit breaker: a deployment whose failed tasks reach the threshold is FAILED and,
/// with rollback, replaced by a new deployment of the last COMPLETED task definition.
/// </summary>
internal sealed class CircuitBreaker(DeploymentStarter starter, Action<ServiceRecord, DateTimeOffset, string> addEvent)
{
    /// <summary>ECS: half the desired count, at least 3 and at most 200.</summary>
    public static int Threshold(int desiredCount) => Math.Min(Math.Max((int)Math.Ceiling(0.5 * desiredCount), 3), 200);

    public void Check(ServiceRecord service, DateTimeOffset now)
    {
        var primary = service.Primary;
        if (!primary.CircuitBreakerEnabled || primary.RolloutState != "IN_PROGRESS" || primary.FailedTasks < Threshold(service.DesiredCount))
        {
            return;
        }
        primary.RolloutState = "FAILED";
        primary.RolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.";
        primary.UpdatedAt = now;
        primary.FinishedAt = now;
        addEvent(service, now, ServiceMessages.DeploymentFailed(service.Name, primary.Id));
        if (primary.CircuitBreakerRollback && service.LastCompleted is { } good && good.TaskDefinitionArn != primary.TaskDefinitionArn)
        {
            addEvent(service, now, ServiceMessages.RollingBack(service.Name, good.Id));
            primary.RolledBackBy = starter.Start(service, good.TaskDefinitionArn, now, $"ECS deployment circuit breaker: rolling back to deploymentId {good.Id}.");
        }
    }
}
