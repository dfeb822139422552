namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS <c>ContainerDefinition</c>, the members the reconciler manages.</summary>
public sealed record ContainerDefinition
{
    public string? Name { get; init; }
    public string? Image { get; init; }
    public int? Cpu { get; init; }
    public int? Memory { get; init; }
    public int? MemoryReservation { get; init; }
    public IReadOnlyList<PortMapping>? PortMappings { get; init; }
    public bool? Essential { get; init; }
    public IReadOnlyList<string>? EntryPoint { get; init; }
    public IReadOnlyList<string>? Command { get; init; }
    public IReadOnlyList<NameValuePair>? Environment { get; init; }

    /// <summary>References only (SSM / Secrets Manager ARNs); ECS injects the values at task start.</summary>
    public IReadOnlyList<Secret>? Secrets { get; init; }
    public LogConfiguration? LogConfiguration { get; init; }
    public HealthCheck? HealthCheck { get; init; }
}

public sealed record PortMapping
{
    public int? ContainerPort { get; init; }
    public int? HostPort { get; init; }

    /// <summary>tcp or udp.</summary>
    public string? Protocol { get; init; }
    public string? Name { get; init; }

    /// <summary>http, http2 or grpc.</summary>
    public string? AppProtocol { get; init; }
}

/// <summary>ECS <c>Secret</c>: environment variable name and the ARN or SSM name the value comes from.</summary>
public sealed record Secret(string Name, string ValueFrom);

/// <summary>ECS <c>HealthCheck</c>; interval, timeout and startPeriod are seconds.</summary>
public sealed record HealthCheck
{
    public IReadOnlyList<string> Command { get; init; } = [];
    public int? Interval { get; init; }
    public int? Timeout { get; init; }
    public int? Retries { get; init; }
    public int? StartPeriod { get; init; }
}

public sealed record LogConfiguration
{
    public required string LogDriver { get; init; }
    public IReadOnlyDictionary<string, string>? Options { get; init; }
    public IReadOnlyList<Secret>? SecretOptions { get; init; }
}
