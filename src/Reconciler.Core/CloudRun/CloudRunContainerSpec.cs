using Reconciler.Core.Model;

namespace Reconciler.Core.CloudRun;

public sealed record CloudRunContainerSpec(
    Value Image,
    string? Name = null,
    IReadOnlyList<string>? Command = null,
    IReadOnlyList<string>? Args = null,
    IReadOnlyDictionary<string, Value>? Env = null,
    IReadOnlyDictionary<string, SecretRef>? Secrets = null,
    IReadOnlyList<CloudRunPort>? Ports = null,
    CloudRunResources? Resources = null,
    CloudRunProbe? StartupProbe = null,
    CloudRunProbe? LivenessProbe = null);

public sealed record CloudRunPort(int ContainerPort, string? Name = null);

/// <summary>Resource limits as Cloud Run takes them: cpu "1", "2"; memory "512Mi", "1Gi".</summary>
public sealed record CloudRunResources(string? Cpu = null, string? Memory = null);

/// <summary>Exactly one of HttpGet, TcpSocket, Grpc.</summary>
public sealed record CloudRunProbe(
    CloudRunHttpGet? HttpGet = null,
    CloudRunTcpSocket? TcpSocket = null,
    CloudRunGrpc? Grpc = null,
    TimeSpan? InitialDelay = null,
    TimeSpan? Period = null,
    TimeSpan? Timeout = null,
    int? FailureThreshold = null);

public sealed record CloudRunHttpGet(string? Path = null, int? Port = null);

public sealed record CloudRunTcpSocket(int? Port = null);

public sealed record CloudRunGrpc(string? Service = null, int? Port = null);
