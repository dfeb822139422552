namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS <c>Task</c> (renamed: <c>Task</c> would shadow System.Threading.Tasks.Task).</summary>
public sealed record EcsTask
{
    public string? TaskArn { get; init; }
    public string? TaskDefinitionArn { get; init; }
    public string? ClusterArn { get; init; }
    public string? Group { get; init; }
    public string? LastStatus { get; init; }
    public string? DesiredStatus { get; init; }

    /// <summary>HEALTHY, UNHEALTHY or UNKNOWN.</summary>
    public string? HealthStatus { get; init; }
    public string? LaunchType { get; init; }
    public IReadOnlyList<Container>? Containers { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? StoppingAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>e.g. TaskFailedToStart, EssentialContainerExited.</summary>
    public string? StopCode { get; init; }

    /// <summary>e.g. "Task failed container health checks".</summary>
    public string? StoppedReason { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

/// <summary>ECS <c>Container</c>: the runtime state of one container of a task.</summary>
public sealed record Container
{
    public string? ContainerArn { get; init; }
    public string? Name { get; init; }
    public string? Image { get; init; }
    public string? ImageDigest { get; init; }
    public string? LastStatus { get; init; }
    public int? ExitCode { get; init; }

    /// <summary>e.g. "CannotPullContainerError: ..." or "Essential container in task exited".</summary>
    public string? Reason { get; init; }
    public string? HealthStatus { get; init; }
}
