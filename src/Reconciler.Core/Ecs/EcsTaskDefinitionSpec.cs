using Reconciler.Core.Model;

namespace Reconciler.Core.Ecs;

/// <summary>The task definition a service should run. Registered revisions are immutable; identity is the spec fingerprint.</summary>
public sealed record EcsTaskDefinitionSpec(
    string Family,
    IReadOnlyList<EcsContainerSpec> Containers,
    string? Cpu = null,
    string? Memory = null,
    string? NetworkMode = null,
    IReadOnlyList<string>? RequiresCompatibilities = null,
    EcsRuntimePlatform? RuntimePlatform = null,
    string? ExecutionRoleArn = null,
    string? TaskRoleArn = null);

/// <summary>cpuArchitecture X86_64 | ARM64 (seed 004: an arm64 image on an amd64 task fails at start).</summary>
public sealed record EcsRuntimePlatform(string? CpuArchitecture = null, string? OperatingSystemFamily = null);
