namespace Reconciler.Platforms.Ecs.Wire.Ecs;

// Requests and responses of RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, DeregisterTaskDefinition.

public sealed record RegisterTaskDefinitionRequest
{
    public required string Family { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }

    /// <summary>bridge, host, awsvpc or none.</summary>
    public string? NetworkMode { get; init; }
    public required IReadOnlyList<ContainerDefinition> ContainerDefinitions { get; init; }
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public RuntimePlatform? RuntimePlatform { get; init; }
}

public sealed record RegisterTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record DescribeTaskDefinitionRequest
{
    /// <summary>family, family:revision or full ARN.</summary>
    public required string TaskDefinition { get; init; }

    /// <summary>["TAGS"] to get the tags (the reconciler's fingerprint lives there).</summary>
    public IReadOnlyList<string>? Include { get; init; }
}

public sealed record DescribeTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record ListTaskDefinitionsRequest
{
    public string? FamilyPrefix { get; init; }

    /// <summary>ACTIVE, INACTIVE or DELETE_IN_PROGRESS.</summary>
    public string? Status { get; init; }

    /// <summary>ASC or DESC.</summary>
    public string? Sort { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListTaskDefinitionsResponse
{
    public IReadOnlyList<string> TaskDefinitionArns { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record DeregisterTaskDefinitionRequest
{
    public required string TaskDefinition { get; init; }
}

public sealed record DeregisterTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }
}
