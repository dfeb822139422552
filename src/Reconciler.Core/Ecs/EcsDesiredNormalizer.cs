namespace Reconciler.Core.Ecs;

/// <summary>
/// Puts a desired ECS spec in the form the API reports back, without filling anything the user did not set
/// (a filled default would become a managed field). Enums in the API's case, durations in whole seconds.
/// </summary>
public static class EcsDesiredNormalizer
{
    public static EcsServiceManifest Normalize(EcsServiceManifest manifest) =>
        manifest with { Spec = Normalize(manifest.Spec) };

    public static EcsServiceSpec Normalize(EcsServiceSpec spec) => spec with
    {
        TaskDefinition = Normalize(spec.TaskDefinition),
        Service = spec.Service is { } s ? Normalize(s) : null,
    };

    public static EcsTaskDefinitionSpec Normalize(EcsTaskDefinitionSpec spec) => spec with
    {
        NetworkMode = spec.NetworkMode?.ToLowerInvariant(),
        RequiresCompatibilities = spec.RequiresCompatibilities?.Select(c => c.ToUpperInvariant()).ToArray(),
        RuntimePlatform = spec.RuntimePlatform is { } p
            ? new EcsRuntimePlatform(p.CpuArchitecture?.ToUpperInvariant(), p.OperatingSystemFamily?.ToUpperInvariant())
            : null,
        Containers = spec.Containers.Select(Normalize).ToArray(),
    };

    private static EcsContainerSpec Normalize(EcsContainerSpec c) => c with
    {
        PortMappings = c.PortMappings?
            .Select(m => m with { Protocol = m.Protocol?.ToLowerInvariant(), AppProtocol = m.AppProtocol?.ToLowerInvariant() })
            .ToArray(),
        HealthCheck = c.HealthCheck is { } h
            ? h with { Interval = WholeSeconds(h.Interval), Timeout = WholeSeconds(h.Timeout), StartPeriod = WholeSeconds(h.StartPeriod) }
            : null,
    };

    private static EcsServiceSettings Normalize(EcsServiceSettings s) => s with
    {
        LaunchType = s.LaunchType?.ToUpperInvariant(),
        PropagateTags = s.PropagateTags?.ToUpperInvariant(),
        HealthCheckGracePeriod = WholeSeconds(s.HealthCheckGracePeriod),
    };

    /// <summary>ECS stores durations as integer seconds; truncating here is what the API would do.</summary>
    public static TimeSpan? WholeSeconds(TimeSpan? value) =>
        value is { } v ? TimeSpan.FromSeconds(Math.Floor(v.TotalSeconds)) : null;
}
