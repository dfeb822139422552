namespace Reconciler.Platforms.Ecs.Wire.Ecs;

// Requests and responses of ListTasks and DescribeTasks.

public sealed record ListTasksRequest
{
    public string? Cluster { get; init; }
    public string? Family { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
    public string? StartedBy { get; init; }
    public string? ServiceName { get; init; }

    /// <summary>RUNNING, PENDING or STOPPED (stopped tasks stay listed for about an hour).</summary>
    public string? DesiredStatus { get; init; }
    public string? LaunchType { get; init; }
}

public sealed record ListTasksResponse
{
    public IReadOnlyList<string> TaskArns { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record DescribeTasksRequest
{
    public string? Cluster { get; init; }

    /// <summary>Task ARNs or ids; the client splits more than 100 into several calls.</summary>
    public required IReadOnlyList<string> Tasks { get; init; }
    public IReadOnlyList<string>? Include { get; init; }
}

public sealed record DescribeTasksResponse
{
    public IReadOnlyList<EcsTask> Tasks { get; init; } = [];
    public IReadOnlyList<Failure> Failures { get; init; } = [];
}
