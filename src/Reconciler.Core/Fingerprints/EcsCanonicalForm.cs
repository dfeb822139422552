using Reconciler.Core.Ecs;

namespace Reconciler.Core.Fingerprints;

/// <summary>
/// The canonical shape of a task definition. Containers are sorted by name (ECS identifies them by name);
/// environment, secrets, port mappings and requiresCompatibilities are sets; command and entryPoint keep order.
/// </summary>
internal static class EcsCanonicalForm
{
    /// <summary>Bump when the shape changes, so old and new fingerprints can never collide by accident.</summary>
    private const string Schema = "ecs-task-definition/v1";

    public static CanonicalObject Of(EcsTaskDefinitionSpec spec) => new CanonicalObject()
        .Add("schema", Schema)
        .Add("family", spec.Family)
        .Add("cpu", spec.Cpu)
        .Add("memory", spec.Memory)
        .Add("networkMode", spec.NetworkMode)
        .AddSet("requiresCompatibilities", spec.RequiresCompatibilities)
        .Add("runtimePlatform", spec.RuntimePlatform is { } p
            ? new CanonicalObject().Add("cpuArchitecture", p.CpuArchitecture).Add("operatingSystemFamily", p.OperatingSystemFamily)
            : null)
        .Add("executionRoleArn", spec.ExecutionRoleArn)
        .Add("taskRoleArn", spec.TaskRoleArn)
        .AddObjects("containers", spec.Containers.OrderBy(c => c.Name, StringComparer.Ordinal).Select(Container));

    private static CanonicalObject Container(EcsContainerSpec c) => new CanonicalObject()
        .Add("name", c.Name)
        .Add("image", c.Image.Resolved)
        .Add("essential", c.Essential)
        .AddOrdered("command", c.Command)
        .AddOrdered("entryPoint", c.EntryPoint)
        .AddObjects("portMappings", c.PortMappings?
            .OrderBy(m => m.ContainerPort).ThenBy(m => m.Protocol, StringComparer.Ordinal).Select(PortMapping))
        .AddMap("environment", c.Environment?.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Resolved)))
        .AddMap("secrets", c.Secrets?.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Reference)))
        .Add("healthCheck", c.HealthCheck is { } h ? HealthCheck(h) : null)
        .Add("logConfiguration", c.LogConfiguration is { } l
            ? new CanonicalObject().Add("logDriver", l.LogDriver).AddMap("options", l.Options)
            : null)
        .Add("cpu", c.Cpu)
        .Add("memory", c.Memory)
        .Add("memoryReservation", c.MemoryReservation);

    private static CanonicalObject PortMapping(EcsPortMapping m) => new CanonicalObject()
        .Add("containerPort", m.ContainerPort)
        .Add("hostPort", m.HostPort)
        .Add("protocol", m.Protocol)
        .Add("name", m.Name)
        .Add("appProtocol", m.AppProtocol);

    private static CanonicalObject HealthCheck(EcsHealthCheck h) => new CanonicalObject()
        .AddOrdered("command", h.Command)
        .AddSeconds("interval", h.Interval)
        .AddSeconds("timeout", h.Timeout)
        .Add("retries", h.Retries)
        .AddSeconds("startPeriod", h.StartPeriod);
}
