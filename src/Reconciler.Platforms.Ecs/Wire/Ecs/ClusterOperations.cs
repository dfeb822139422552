namespace Reconciler.Platforms.Ecs.Wire.Ecs;

// Requests and responses of DescribeClusters and CreateCluster.

public sealed record DescribeClustersRequest
{
    /// <summary>Names or ARNs; empty means the default cluster.</summary>
    public IReadOnlyList<string>? Clusters { get; init; }
    public IReadOnlyList<string>? Include { get; init; }
}

public sealed record DescribeClustersResponse
{
    public IReadOnlyList<Cluster> Clusters { get; init; } = [];
    public IReadOnlyList<Failure> Failures { get; init; } = [];
}

public sealed record CreateClusterRequest
{
    public string? ClusterName { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public IReadOnlyList<string>? CapacityProviders { get; init; }
    public IReadOnlyList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; init; }
}

public sealed record CreateClusterResponse
{
    public Cluster? Cluster { get; init; }
}
