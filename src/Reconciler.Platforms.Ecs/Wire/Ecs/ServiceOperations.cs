namespace Reconciler.Platforms.Ecs.Wire.Ecs;

// Requests and responses of DescribeServices, CreateService and UpdateService.

public sealed record DescribeServicesRequest
{
    public string? Cluster { get; init; }

    /// <summary>Names or ARNs; the client splits more than 10 into several calls.</summary>
    public required IReadOnlyList<string> Services { get; init; }

    /// <summary>e.g. ["TAGS"].</summary>
    public IReadOnlyList<string>? Include { get; init; }
}

public sealed record DescribeServicesResponse
{
    public IReadOnlyList<Service> Services { get; init; } = [];
    public IReadOnlyList<Failure> Failures { get; init; } = [];
}

public sealed record CreateServiceRequest
{
    public string? Cluster { get; init; }
    public required string ServiceName { get; init; }
    public string? TaskDefinition { get; init; }
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }
    public int? DesiredCount { get; init; }

    /// <summary>Idempotency token: a retried CreateService with the same token does not create a second service.</summary>
    public string? ClientToken { get; init; }
    public string? LaunchType { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public string? PlatformVersion { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public string? SchedulingStrategy { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public bool? EnableECSManagedTags { get; init; }
    public string? PropagateTags { get; init; }
    public bool? EnableExecuteCommand { get; init; }
}

public sealed record CreateServiceResponse
{
    public Service? Service { get; init; }
}

public sealed record UpdateServiceRequest
{
    public string? Cluster { get; init; }
    public required string Service { get; init; }
    public int? DesiredCount { get; init; }
    public string? TaskDefinition { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public string? PlatformVersion { get; init; }
    public bool? ForceNewDeployment { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public bool? EnableExecuteCommand { get; init; }
    public bool? EnableECSManagedTags { get; init; }
    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }
    public string? PropagateTags { get; init; }
}

public sealed record UpdateServiceResponse
{
    public Service? Service { get; init; }
}
