namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS <c>NetworkConfiguration</c>; only awsvpc exists.</summary>
public sealed record NetworkConfiguration(AwsVpcConfiguration? AwsvpcConfiguration);

public sealed record AwsVpcConfiguration
{
    public IReadOnlyList<string> Subnets { get; init; } = [];
    public IReadOnlyList<string>? SecurityGroups { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    public string? AssignPublicIp { get; init; }
}

public sealed record LoadBalancer
{
    public string? TargetGroupArn { get; init; }
    public string? LoadBalancerName { get; init; }
    public string? ContainerName { get; init; }
    public int? ContainerPort { get; init; }
}

public sealed record CapacityProviderStrategyItem
{
    public required string CapacityProvider { get; init; }
    public int? Weight { get; init; }
    public int? Base { get; init; }
}
