namespace Reconciler.Platforms.Ecs.Wire.Ecs;

// Requests and responses of ListServiceDeployments and DescribeServiceDeployments
// (newer API: an emulator or partition without it answers with an UnsupportedFeatureException or unknown operation).

public sealed record ListServiceDeploymentsRequest
{
    public required string Service { get; init; }
    public string? Cluster { get; init; }

    /// <summary>Filter, e.g. ["IN_PROGRESS", "ROLLBACK_IN_PROGRESS"].</summary>
    public IReadOnlyList<string>? Status { get; init; }
    public CreatedAtFilter? CreatedAt { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListServiceDeploymentsResponse
{
    public IReadOnlyList<ServiceDeploymentBrief> ServiceDeployments { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record DescribeServiceDeploymentsRequest
{
    public required IReadOnlyList<string> ServiceDeploymentArns { get; init; }
}

public sealed record DescribeServiceDeploymentsResponse
{
    public IReadOnlyList<ServiceDeployment> ServiceDeployments { get; init; } = [];
    public IReadOnlyList<Failure> Failures { get; init; } = [];
}
