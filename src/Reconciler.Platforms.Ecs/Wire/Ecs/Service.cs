namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS <c>Service</c> as DescribeServices / CreateService / UpdateService return it.</summary>
public sealed record Service
{
    public string? ServiceArn { get; init; }
    public string? ServiceName { get; init; }
    public string? ClusterArn { get; init; }
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }
    public string? Status { get; init; }
    public int DesiredCount { get; init; }
    public int RunningCount { get; init; }
    public int PendingCount { get; init; }
    public string? LaunchType { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public string? PlatformVersion { get; init; }
    public string? TaskDefinition { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public IReadOnlyList<Deployment>? Deployments { get; init; }
    public IReadOnlyList<ServiceEvent>? Events { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? CurrentServiceDeployment { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public string? SchedulingStrategy { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public bool EnableECSManagedTags { get; init; }
    public string? PropagateTags { get; init; }
    public bool EnableExecuteCommand { get; init; }
}

/// <summary>ECS <c>Deployment</c>: one entry of <c>service.deployments</c> (PRIMARY, ACTIVE, INACTIVE).</summary>
public sealed record Deployment
{
    public string? Id { get; init; }
    public string? Status { get; init; }
    public string? TaskDefinition { get; init; }
    public int DesiredCount { get; init; }
    public int PendingCount { get; init; }
    public int RunningCount { get; init; }
    public int FailedTasks { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? LaunchType { get; init; }
    public string? PlatformVersion { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }

    /// <summary>COMPLETED, FAILED or IN_PROGRESS (only with the circuit breaker / ECS deployment controller).</summary>
    public string? RolloutState { get; init; }
    public string? RolloutStateReason { get; init; }
}

/// <summary>ECS <c>ServiceEvent</c> ("(service web) has reached a steady state.").</summary>
public sealed record ServiceEvent
{
    public string? Id { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? Message { get; init; }
}
