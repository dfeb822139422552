using Reconciler.Core.CloudRun;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation.CloudRun;

namespace Reconciler.Manifests.Validation;

/// <summary>Cloud Run container rules: names, images, env names, ports, resources and probes.</summary>
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
            else if (container.Name is { } label && !Names.DnsLabel().IsMatch(label))
            {
                findings.Error(DiagnosticCodes.InvalidName,
                    $"container name '{label}' must be a DNS label: lower-case letters, digits and '-', starting with a letter, at most 63 characters", path + ".name");
            }
            ManifestValidator.Image(container.Image, path + ".image", findings);
            foreach (var (key, value) in container.Env ?? new Dictionary<string, Core.Model.Value>())
            {
                ManifestValidator.Reference(value, $"{path}.env.{key}", findings);
            }
            EnvironmentNames.Validate(container.Env, path + ".env", container.Secrets, path + ".secrets", cloudRun: true, findings);
            for (var p = 0; p < (container.Ports?.Count ?? 0); p++)
            {
                findings.Range(container.Ports![p].ContainerPort, 1, 65535, $"{path}.ports[{p}].containerPort", "containerPort");
                findings.Choice(container.Ports[p].Name, ["http1", "h2c"], $"{path}.ports[{p}].name");
            }
            CloudRunResourcesValidator.Validate(container.Resources, path + ".resources", findings);
            CloudRunProbeValidator.Validate(container.StartupProbe, path + ".startupProbe", startup: true, findings);
            CloudRunProbeValidator.Validate(container.LivenessProbe, path + ".livenessProbe", startup: false, findings);
        }
        if (containers.Count > Ecs.EcsLimits.MaxContainers)
        {
            findings.Error(DiagnosticCodes.OutOfRange, $"a Cloud Run revision holds at most {Ecs.EcsLimits.MaxContainers} containers, got {containers.Count}", "spec.containers");
        }
        var withPorts = containers.Count(c => c.Ports is { Count: > 0 });
        if (containers.Count > 1 && withPorts != 1)
        {
            findings.Error(DiagnosticCodes.IngressContainer,
                $"with {containers.Count} containers exactly one, the ingress container, declares ports (the sidecars declare none); here {withPorts} do", "spec.containers");
        }
    }
}
