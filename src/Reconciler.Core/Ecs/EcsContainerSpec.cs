using Reconciler.Core.Model;

namespace Reconciler.Core.Ecs;

public sealed record EcsContainerSpec(
    string Name,
    Value Image,
    bool? Essential = null,
    IReadOnlyList<string>? Command = null,
    IReadOnlyList<string>? EntryPoint = null,
    IReadOnlyList<EcsPortMapping>? PortMappings = null,
    IReadOnlyDictionary<string, Value>? Environment = null,
    IReadOnlyDictionary<string, SecretRef>? Secrets = null,
    EcsHealthCheck? HealthCheck = null,
    EcsLogConfiguration? LogConfiguration = null,
    int? Cpu = null,
    int? Memory = null,
    int? MemoryReservation = null);

/// <summary>protocol tcp|udp; appProtocol http|http2|grpc (ECS Service Connect).</summary>
public sealed record EcsPortMapping(int ContainerPort, int? HostPort = null, string? Protocol = null, string? Name = null, string? AppProtocol = null);

/// <summary>ECS container health check. Durations are whole seconds on the wire.</summary>
public sealed record EcsHealthCheck(
    IReadOnlyList<string> Command,
    TimeSpan? Interval = null,
    TimeSpan? Timeout = null,
    int? Retries = null,
    TimeSpan? StartPeriod = null);

public sealed record EcsLogConfiguration(string LogDriver, IReadOnlyDictionary<string, string>? Options = null);
