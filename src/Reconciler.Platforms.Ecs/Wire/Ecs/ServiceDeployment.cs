namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS <c>ServiceDeployment</c> (DescribeServiceDeployments): the rollout record with its rollback, if any.</summary>
public sealed record ServiceDeployment
{
    public string? ServiceDeploymentArn { get; init; }
    public string? ServiceArn { get; init; }
    public string? ClusterArn { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public IReadOnlyList<ServiceRevisionSummary>? SourceServiceRevisions { get; init; }
    public ServiceRevisionSummary? TargetServiceRevision { get; init; }

    /// <summary>PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, ROLLBACK_* …</summary>
    public string? Status { get; init; }
    public string? StatusReason { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public ServiceDeploymentRollback? Rollback { get; init; }
    public ServiceDeploymentMonitor? DeploymentCircuitBreaker { get; init; }
    public ServiceDeploymentMonitor? Alarms { get; init; }
}

/// <summary>ECS <c>ServiceDeploymentBrief</c> (ListServiceDeployments).</summary>
public sealed record ServiceDeploymentBrief
{
    public string? ServiceDeploymentArn { get; init; }
    public string? ServiceArn { get; init; }
    public string? ClusterArn { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? TargetServiceRevisionArn { get; init; }
    public string? Status { get; init; }
    public string? StatusReason { get; init; }
}

public sealed record ServiceRevisionSummary
{
    public string? Arn { get; init; }
    public int RequestedTaskCount { get; init; }
    public int RunningTaskCount { get; init; }
    public int PendingTaskCount { get; init; }
}

/// <summary>ECS <c>Rollback</c> of a service deployment.</summary>
public sealed record ServiceDeploymentRollback
{
    public string? Reason { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? ServiceRevisionArn { get; init; }
}

/// <summary>ECS <c>ServiceDeploymentCircuitBreaker</c> / <c>ServiceDeploymentAlarms</c> (same status vocabulary).</summary>
public sealed record ServiceDeploymentMonitor
{
    /// <summary>TRIGGERED, MONITORING, MONITORING_COMPLETE or DISABLED.</summary>
    public string? Status { get; init; }
}

/// <summary>ECS <c>CreatedAt</c> filter of ListServiceDeployments.</summary>
public sealed record CreatedAtFilter(DateTimeOffset? Before = null, DateTimeOffset? After = null);
