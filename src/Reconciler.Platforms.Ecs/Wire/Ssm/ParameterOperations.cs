namespace Reconciler.Platforms.Ecs.Wire.Ssm;

// Requests and responses of GetParameters, GetParametersByPath and GetParameter (SSM members are PascalCase).

public sealed record GetParametersRequest
{
    /// <summary>Any number of names; the client splits more than 10 into several calls.</summary>
    public required IReadOnlyList<string> Names { get; init; }
    public bool? WithDecryption { get; init; }
}

public sealed record GetParametersResponse
{
    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    /// <summary>Names that do not exist (not an error in SSM's eyes).</summary>
    public IReadOnlyList<string> InvalidParameters { get; init; } = [];
}

public sealed record GetParametersByPathRequest
{
    public required string Path { get; init; }
    public bool? Recursive { get; init; }
    public IReadOnlyList<ParameterStringFilter>? ParameterFilters { get; init; }
    public bool? WithDecryption { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record GetParametersByPathResponse
{
    public IReadOnlyList<Parameter> Parameters { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record GetParameterRequest
{
    public required string Name { get; init; }
    public bool? WithDecryption { get; init; }
}

public sealed record GetParameterResponse
{
    public Parameter? Parameter { get; init; }
}
