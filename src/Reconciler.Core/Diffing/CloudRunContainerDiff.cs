using Reconciler.Core.CloudRun;

namespace Reconciler.Core.Diffing;

/// <summary>One container of a Cloud Run revision template.</summary>
internal static class CloudRunContainerDiff
{
    private const ChangeScope Scope = ChangeScope.Template;

    public static void Compare(ChangeList changes, string path, CloudRunContainerSpec desired, CloudRunContainerSpec observed)
    {
        changes.Scalar($"{path}.name", desired.Name, observed.Name, Scope);
        changes.Scalar($"{path}.image", desired.Image.Resolved, observed.Image.ToString(), Scope);
        changes.Ordered($"{path}.command", desired.Command, observed.Command, Scope, sensitive: true);
        changes.Ordered($"{path}.args", desired.Args, observed.Args, Scope, sensitive: true);
        changes.Map($"{path}.env", desired.Env?.ToDictionary(kv => kv.Key, kv => kv.Value.Resolved),
            observed.Env?.ToDictionary(kv => kv.Key, kv => kv.Value.ToString()), Scope, exact: true, SensitiveKeys.Always);
        changes.Map($"{path}.secrets", desired.Secrets?.ToDictionary(kv => kv.Key, kv => kv.Value.Reference),
            observed.Secrets?.ToDictionary(kv => kv.Key, kv => kv.Value.Reference), Scope, exact: true, SensitiveKeys.Always);
        Keyed.Compare(changes, $"{path}.ports", desired.Ports, observed.Ports, p => ChangeList.Format(p.ContainerPort)!,
            p => ChangeList.Format(p.ContainerPort)!, Scope, (p, d, o) => changes.Scalar($"{p}.name", d.Name, o.Name, Scope));
        if (desired.Resources is { } resources)
        {
            changes.Scalar($"{path}.resources.cpu", resources.Cpu, observed.Resources?.Cpu, Scope);
            changes.Scalar($"{path}.resources.memory", resources.Memory, observed.Resources?.Memory, Scope);
        }
        CompareProbe(changes, $"{path}.startupProbe", desired.StartupProbe, observed.StartupProbe);
        CompareProbe(changes, $"{path}.livenessProbe", desired.LivenessProbe, observed.LivenessProbe);
    }

    private static void CompareProbe(ChangeList changes, string path, CloudRunProbe? desired, CloudRunProbe? observed)
    {
        if (desired is null)
        {
            return;
        }
        var live = observed ?? new CloudRunProbe();
        if (desired.HttpGet is { } http)
        {
            changes.Scalar($"{path}.httpGet.path", http.Path, live.HttpGet?.Path, Scope);
            changes.Scalar($"{path}.httpGet.port", http.Port, live.HttpGet?.Port, Scope);
        }
        if (desired.TcpSocket is { } tcp)
        {
            changes.Scalar($"{path}.tcpSocket.port", tcp.Port, live.TcpSocket?.Port, Scope);
        }
        if (desired.Grpc is { } grpc)
        {
            changes.Scalar($"{path}.grpc.service", grpc.Service, live.Grpc?.Service, Scope);
            changes.Scalar($"{path}.grpc.port", grpc.Port, live.Grpc?.Port, Scope);
        }
        changes.Seconds($"{path}.initialDelay", desired.InitialDelay, live.InitialDelay, Scope);
        changes.Seconds($"{path}.period", desired.Period, live.Period, Scope);
        changes.Seconds($"{path}.timeout", desired.Timeout, live.Timeout, Scope);
        changes.Scalar($"{path}.failureThreshold", desired.FailureThreshold, live.FailureThreshold, Scope);
    }
}
