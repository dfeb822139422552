namespace Reconciler.Platforms.Ecs.Wire.Ecs;

// Small shapes shared by many ECS operations (names as in the ECS service model).

/// <summary>ECS <c>Tag</c>.</summary>
public sealed record Tag(string Key, string Value);

/// <summary>ECS <c>Failure</c>: one name or ARN a Describe* call could not describe (e.g. reason "MISSING").</summary>
public sealed record Failure
{
    public string? Arn { get; init; }
    public string? Reason { get; init; }
    public string? Detail { get; init; }
}

/// <summary>ECS <c>KeyValuePair</c> (container environment variables, cluster statistics).</summary>
public sealed record NameValuePair(string? Name, string? Value);
