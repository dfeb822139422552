namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS <c>Cluster</c>, the members the reconciler reads.</summary>
public sealed record Cluster
{
    public string? ClusterArn { get; init; }
    public string? ClusterName { get; init; }

    /// <summary>ACTIVE, PROVISIONING, DEPROVISIONING, FAILED or INACTIVE.</summary>
    public string? Status { get; init; }
    public int RunningTasksCount { get; init; }
    public int PendingTasksCount { get; init; }
    public int ActiveServicesCount { get; init; }
    public IReadOnlyList<string>? CapacityProviders { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}
