using Reconciler.Core.Ecs;

namespace Reconciler.Core.Diffing;

/// <summary>One container of a task definition, matched by name.</summary>
internal static class EcsContainerDiff
{
    private const ChangeScope Scope = ChangeScope.Template;

    public static void Compare(ChangeList changes, string path, EcsContainerSpec desired, EcsContainerSpec observed)
    {
        changes.Scalar($"{path}.image", desired.Image.Resolved, observed.Image.ToString(), Scope);
        changes.Scalar($"{path}.essential", desired.Essential, observed.Essential, Scope);
        changes.Ordered($"{path}.command", desired.Command, observed.Command, Scope, sensitive: true);
        changes.Ordered($"{path}.entryPoint", desired.EntryPoint, observed.EntryPoint, Scope, sensitive: true);
        changes.Scalar($"{path}.cpu", desired.Cpu, observed.Cpu, Scope);
        changes.Scalar($"{path}.memory", desired.Memory, observed.Memory, Scope);
        changes.Scalar($"{path}.memoryReservation", desired.MemoryReservation, observed.MemoryReservation, Scope);
        changes.Map($"{path}.environment", desired.Environment?.ToDictionary(kv => kv.Key, kv => kv.Value.Resolved),
            Text(observed.Environment),
            Scope, exact: true, SensitiveKeys.Always);
        changes.Map($"{path}.secrets", References(desired.Secrets), References(observed.Secrets),
            Scope, exact: true, SensitiveKeys.Always);
        Keyed.Compare(changes, $"{path}.portMappings", desired.PortMappings, observed.PortMappings,
            m => ChangeList.Format(m.ContainerPort)!, Describe, Scope, (p, d, o) => ComparePort(changes, p, d, o));
        CompareHealthCheck(changes, $"{path}.healthCheck", desired.HealthCheck, observed.HealthCheck);
        if (desired.LogConfiguration is { } log)
        {
            var live = observed.LogConfiguration;
            changes.Scalar($"{path}.logConfiguration.logDriver", log.LogDriver, live?.LogDriver, Scope);
            changes.Map($"{path}.logConfiguration.options", log.Options, live?.Options, Scope, exact: true, SensitiveKeys.Always);
        }
    }

    private static void ComparePort(ChangeList changes, string path, EcsPortMapping desired, EcsPortMapping observed)
    {
        changes.Scalar($"{path}.hostPort", desired.HostPort, observed.HostPort, Scope);
        changes.Scalar($"{path}.protocol", desired.Protocol, observed.Protocol, Scope);
        changes.Scalar($"{path}.name", desired.Name, observed.Name, Scope);
        changes.Scalar($"{path}.appProtocol", desired.AppProtocol, observed.AppProtocol, Scope);
    }

    private static void CompareHealthCheck(ChangeList changes, string path, EcsHealthCheck? desired, EcsHealthCheck? observed)
    {
        if (desired is null)
        {
            return;
        }
        var live = observed ?? new EcsHealthCheck([]);
        changes.Ordered($"{path}.command", desired.Command, live.Command, Scope);
        changes.Seconds($"{path}.interval", desired.Interval, live.Interval, Scope);
        changes.Seconds($"{path}.timeout", desired.Timeout, live.Timeout, Scope);
        changes.Scalar($"{path}.retries", desired.Retries, live.Retries, Scope);
        changes.Seconds($"{path}.startPeriod", desired.StartPeriod, live.StartPeriod, Scope);
    }

    private static string Describe(EcsPortMapping m) => $"{m.ContainerPort}/{m.Protocol ?? "tcp"}";

    private static IReadOnlyDictionary<string, string>? Text(IReadOnlyDictionary<string, Model.Value>? env) =>
        env?.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

    private static IReadOnlyDictionary<string, string>? References(IReadOnlyDictionary<string, Model.SecretRef>? secrets) =>
        secrets?.ToDictionary(kv => kv.Key, kv => kv.Value.Reference);
}
