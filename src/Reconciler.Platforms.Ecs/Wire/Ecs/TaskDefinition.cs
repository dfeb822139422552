namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS <c>TaskDefinition</c>: one immutable, registered revision of a family.</summary>
public sealed record TaskDefinition
{
    public string? TaskDefinitionArn { get; init; }
    public IReadOnlyList<ContainerDefinition>? ContainerDefinitions { get; init; }
    public string? Family { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public string? NetworkMode { get; init; }
    public int Revision { get; init; }

    /// <summary>ACTIVE, INACTIVE or DELETE_IN_PROGRESS.</summary>
    public string? Status { get; init; }
    public IReadOnlyList<string>? Compatibilities { get; init; }
    public RuntimePlatform? RuntimePlatform { get; init; }
    public IReadOnlyList<string>? RequiresCompatibilities { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }
    public DateTimeOffset? DeregisteredAt { get; init; }
}

/// <summary>ECS <c>RuntimePlatform</c>: cpuArchitecture X86_64/ARM64, operatingSystemFamily e.g. LINUX.</summary>
public sealed record RuntimePlatform
{
    public string? CpuArchitecture { get; init; }
    public string? OperatingSystemFamily { get; init; }
}
