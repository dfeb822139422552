using Reconciler.Core.Ecs;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation.Ecs;

namespace Reconciler.Manifests.Validation;

/// <summary>Value rules for <c>kind: EcsService</c>, with the limits the ECS API enforces.</summary>
internal static class EcsServiceValidator
{
    public static void Validate(EcsServiceSpec spec, Findings findings)
    {
        if (!Names.AwsRegion().IsMatch(spec.Region) || spec.Region.Length > EcsLimits.MaxRegionLength)
        {
            findings.Error(DiagnosticCodes.InvalidName, $"'{spec.Region}' is not an AWS region; write it like eu-west-3", "spec.region");
        }
        Identifier(spec.Cluster, "spec.cluster", "cluster", findings);
        if (spec.Account is { } account && !(account.Length == 12 && account.All(char.IsAsciiDigit)))
        {
            findings.Error(DiagnosticCodes.InvalidName, "account must be the 12-digit AWS account id", "spec.account");
        }
        if (spec.DesiredCount < 0)
        {
            findings.Error(DiagnosticCodes.OutOfRange, $"desiredCount must be 0 or more, got {spec.DesiredCount}", "spec.desiredCount");
        }
        EcsTaskDefinitionValidator.Validate(spec.TaskDefinition, findings);
        EcsResourceValidator.Validate(spec, findings);
        EcsNetworkValidator.Validate(spec, findings);
        EcsTagValidator.Validate(spec.Tags, findings);
        if (spec.Service is { } service)
        {
            ValidateService(service, spec.TaskDefinition, findings);
        }
        if (spec.Deployment is { } deployment)
        {
            ValidateDeployment(deployment, findings);
        }
    }

    internal static void Identifier(string value, string path, string what, Findings findings, int maxLength = EcsLimits.MaxNameLength)
    {
        if (!Names.EcsIdentifier().IsMatch(value))
        {
            findings.Error(DiagnosticCodes.InvalidName, $"{what} '{value}' may only contain letters, digits, '-' and '_' (1 to {maxLength})", path);
        }
        else if (value.Length > maxLength)
        {
            findings.Error(DiagnosticCodes.InvalidName, $"{what} has {value.Length} characters; at most {maxLength} are allowed, shorten it", path);
        }
    }

    private static void ValidateService(EcsServiceSettings service, EcsTaskDefinitionSpec task, Findings findings)
    {
        findings.Choice(service.LaunchType, ["FARGATE", "EC2", "EXTERNAL"], "spec.service.launchType");
        findings.Choice(service.PropagateTags, ["SERVICE", "TASK_DEFINITION", "NONE"], "spec.service.propagateTags");
        for (var i = 0; i < (service.CapacityProviderStrategy?.Count ?? 0); i++)
        {
            var item = service.CapacityProviderStrategy![i];
            findings.Range(item.Weight, 0, EcsLimits.MaxCapacityProviderWeight, $"spec.service.capacityProviderStrategy[{i}].weight", "weight");
            findings.Range(item.Base, 0, EcsLimits.MaxCapacityProviderBase, $"spec.service.capacityProviderStrategy[{i}].base", "base");
        }
        if (service.HealthCheckGracePeriod is not null && (service.LoadBalancers?.Count ?? 0) == 0)
        {
            // ECS rejects CreateService/UpdateService with this combination; say so before anything is applied.
            findings.Error(DiagnosticCodes.GraceWithoutLoadBalancer,
                "healthCheckGracePeriod only applies to services behind a load balancer; add spec.service.loadBalancers or remove it",
                "spec.service.healthCheckGracePeriod");
        }
        var containers = task.Containers.Select(c => c.Name).ToHashSet();
        var ports = task.Containers.GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.PortMappings ?? []).Select(p => p.ContainerPort).ToList(), StringComparer.Ordinal);
        for (var i = 0; i < (service.LoadBalancers?.Count ?? 0); i++)
        {
            var balancer = service.LoadBalancers![i];
            var path = $"spec.service.loadBalancers[{i}]";
            findings.Range(balancer.ContainerPort, 1, 65535, path + ".containerPort", "containerPort");
            if (!containers.Contains(balancer.ContainerName))
            {
                findings.Error(DiagnosticCodes.UnknownContainerRef,
                    $"containerName '{balancer.ContainerName}' is not a container of the task definition; use one of {string.Join(", ", containers)}", path + ".containerName");
            }
            else if (ports.TryGetValue(balancer.ContainerName, out var mapped) && !mapped.Contains(balancer.ContainerPort))
            {
                findings.Error(DiagnosticCodes.UnknownContainerRef,
                    $"container '{balancer.ContainerName}' has no portMappings entry for containerPort {balancer.ContainerPort}; add it to the container or use one of: {(mapped.Count == 0 ? "(none)" : string.Join(", ", mapped))}",
                    path + ".containerPort");
            }
        }
    }

    private static void ValidateDeployment(EcsDeploymentSpec deployment, Findings findings)
    {
        findings.Range(deployment.MinimumHealthyPercent, 0, 100, "spec.deployment.minimumHealthyPercent", "minimumHealthyPercent");
        findings.Range(deployment.MaximumPercent, 100, 200, "spec.deployment.maximumPercent", "maximumPercent");
        if (deployment.ProgressDeadline is { } deadline && deadline <= TimeSpan.Zero)
        {
            findings.Error(DiagnosticCodes.OutOfRange, "progressDeadline must be longer than 0s, e.g. 10m", "spec.deployment.progressDeadline");
        }
        if (deployment.Alarms is { Names.Count: 0 })
        {
            findings.Error(DiagnosticCodes.MissingField, "alarms needs at least one CloudWatch alarm name", "spec.deployment.alarms.names");
        }
    }
}
