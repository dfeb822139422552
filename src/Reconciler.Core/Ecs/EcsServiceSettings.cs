namespace Reconciler.Core.Ecs;

/// <summary>Service-level settings (what UpdateService / CreateService take besides the task definition and count).</summary>
public sealed record EcsServiceSettings(
    string? LaunchType = null,
    IReadOnlyList<EcsCapacityProviderStrategyItem>? CapacityProviderStrategy = null,
    EcsNetworkConfiguration? NetworkConfiguration = null,
    IReadOnlyList<EcsLoadBalancer>? LoadBalancers = null,
    TimeSpan? HealthCheckGracePeriod = null,
    bool? EnableExecuteCommand = null,
    string? PropagateTags = null,
    string? PlatformVersion = null);

public sealed record EcsCapacityProviderStrategyItem(string CapacityProvider, int? Weight = null, int? Base = null);

public sealed record EcsNetworkConfiguration(EcsAwsVpcConfiguration? Awsvpc = null);

public sealed record EcsAwsVpcConfiguration(
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string>? SecurityGroups = null,
    bool? AssignPublicIp = null);

public sealed record EcsLoadBalancer(string ContainerName, int ContainerPort, string? TargetGroupArn = null, string? LoadBalancerName = null);
