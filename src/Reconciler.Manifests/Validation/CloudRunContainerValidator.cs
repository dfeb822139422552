using Reconciler.Core.CloudRun;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation;

/// <summary>Cloud Run container rules: unique names, ports, one handler per probe.</summary>
internal static class CloudRunContainerValidator
{
    public static void Validate(IReadOnlyList<CloudRunContainerSpec> containers, Findings findings)
    {
        var names = new HashSet<string>();
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var path = $"spec.containers[{i}]";
            if (container.Name is { } name && !names.Add(name))
            {
                findings.Error(DiagnosticCodes.DuplicateContainer, $"container name '{name}' is used twice; container names must be unique", path + ".name");
            }
            ManifestValidator.Reference(container.Image, path + ".image", findings);
            foreach (var (key, value) in container.Env ?? new Dictionary<string, Core.Model.Value>())
            {
                ManifestValidator.Reference(value, $"{path}.env.{key}", findings);
            }
            for (var p = 0; p < (container.Ports?.Count ?? 0); p++)
            {
                findings.Range(container.Ports![p].ContainerPort, 1, 65535, $"{path}.ports[{p}].containerPort", "containerPort");
            }
            Probe(container.StartupProbe, path + ".startupProbe", findings);
            Probe(container.LivenessProbe, path + ".livenessProbe", findings);
        }
    }

    private static void Probe(CloudRunProbe? probe, string path, Findings findings)
    {
        if (probe is null)
        {
            return;
        }
        var handlers = new object?[] { probe.HttpGet, probe.TcpSocket, probe.Grpc }.Count(h => h is not null);
        if (handlers != 1)
        {
            findings.Error(DiagnosticCodes.ProbeHandler, $"a probe has exactly one of httpGet, tcpSocket or grpc; this one has {handlers}", path);
        }
        findings.Range(probe.HttpGet?.Port ?? probe.TcpSocket?.Port ?? probe.Grpc?.Port, 1, 65535, path, "probe port");
        findings.Range(probe.FailureThreshold, 1, 100, path + ".failureThreshold", "failureThreshold");
        if (probe.Period is { } period && period < TimeSpan.FromSeconds(1))
        {
            findings.Error(DiagnosticCodes.OutOfRange, "period must be at least 1s", path + ".period");
        }
    }
}
