using Reconciler.Emulator.Ecs.TaskDefinitions;

namespace Reconciler.Emulator.Ecs.Tasks;

/// <summary>A simulated task of a service deployment. Times are simulated time.</summary>
internal sealed class TaskRecord(string id, string arn, string deploymentId, TaskDefinitionRecord taskDefinition, DateTimeOffset createdAt, DateTimeOffset startAt)
{
    public string Id { get; } = id;

    public string Arn { get; } = arn;

    public string DeploymentId { get; } = deploymentId;

    public TaskDefinitionRecord TaskDefinition { get; } = taskDefinition;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>When the task is planned to reach RUNNING.</summary>
    public DateTimeOffset StartAt { get; } = startAt;

    public required IReadOnlyList<ContainerRecord> Containers { get; init; }

    public TaskState State { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public string? StoppedReason { get; set; }

    public string? StopCode { get; set; }

    /// <summary>True when the task stopped by itself (crash or failed health check): counts as a failed task.</summary>
    public bool Failed { get; set; }

    public bool HasHealthCheck => Containers.Any(c => c.HasHealthCheck);

    public ContainerHealth Health =>
        !HasHealthCheck ? ContainerHealth.Unknown
        : Containers.Any(c => c.Health == ContainerHealth.Unhealthy) ? ContainerHealth.Unhealthy
        : Containers.Where(c => c.HasHealthCheck).All(c => c.Health == ContainerHealth.Healthy) ? ContainerHealth.Healthy
        : ContainerHealth.Unknown;

    /// <summary>What the scheduler counts as healthy: running, and passing its health checks if it has any.</summary>
    public bool IsHealthy => State == TaskState.Running && (!HasHealthCheck || Health == ContainerHealth.Healthy);

    /// <summary>When the task stops by itself: the first essential container to fail.</summary>
    public DateTimeOffset? FailAt =>
        Containers.Where(c => c.StopsTask).Select(c => (DateTimeOffset?)StartAt.AddSeconds(c.FailAfter!.Value)).Min();

    /// <summary>The next moment at which this task changes by itself, or null.</summary>
    public DateTimeOffset? NextTransition()
    {
        if (State == TaskState.Pending)
        {
            return StartAt;
        }
        if (State == TaskState.Stopped)
        {
            return null;
        }
        var healthy = Containers
            .Where(c => c.HasHealthCheck && c.Health == ContainerHealth.Unknown && c.HealthyAfter is not null)
            .Select(c => (DateTimeOffset?)StartAt.AddSeconds(c.HealthyAfter!.Value)).Min();
        var fail = FailAt;
        return healthy is null ? fail : fail is null ? healthy : healthy < fail ? healthy : fail;
    }
}
