using Reconciler.Core.Ecs;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>
/// RC0035: <c>awsvpc</c> needs the service's <c>networkConfiguration.awsvpc</c> with 1-16 subnets and at most 5
/// security groups, and only <c>awsvpc</c> takes one. RC0045: with awsvpc or host networking a hostPort equals its
/// containerPort. ECS refuses both at CreateService / RegisterTaskDefinition.
/// </summary>
internal static class EcsNetworkValidator
{
    private const string Network = "spec.service.networkConfiguration";

    public static void Validate(EcsServiceSpec spec, Findings findings)
    {
        var mode = spec.TaskDefinition.NetworkMode;
        var vpc = spec.Service?.NetworkConfiguration?.Awsvpc;
        if (mode == "awsvpc" && vpc is null)
        {
            findings.Error(DiagnosticCodes.AwsvpcNetwork,
                "networkMode awsvpc needs spec.service.networkConfiguration.awsvpc.subnets (1 to 16 subnet ids); ECS refuses the service otherwise " +
                "(\"Network Configuration must be provided when networkMode 'awsvpc' is specified\")", Network);
        }
        if (vpc is not null)
        {
            Counts(vpc, findings);
            if (mode is not null and not "awsvpc" || (mode is null && Fargate.Reason(spec) is null))
            {
                findings.Error(DiagnosticCodes.AwsvpcNetwork,
                    $"networkConfiguration.awsvpc only applies to networkMode awsvpc (this task uses {mode ?? "the EC2 default, bridge"}); set 'networkMode: awsvpc' or remove it",
                    Network + ".awsvpc");
            }
        }
        HostPorts(spec.TaskDefinition, findings);
    }

    private static void Counts(EcsAwsVpcConfiguration vpc, Findings findings)
    {
        if (vpc.Subnets.Count is 0 or > EcsLimits.MaxSubnets)
        {
            findings.Error(DiagnosticCodes.AwsvpcNetwork,
                $"awsvpc takes 1 to {EcsLimits.MaxSubnets} subnet ids, got {vpc.Subnets.Count}", Network + ".awsvpc.subnets");
        }
        if (vpc.SecurityGroups is { Count: > EcsLimits.MaxSecurityGroups } groups)
        {
            findings.Error(DiagnosticCodes.AwsvpcNetwork,
                $"awsvpc takes at most {EcsLimits.MaxSecurityGroups} security groups, got {groups.Count}; merge the rules into fewer groups", Network + ".awsvpc.securityGroups");
        }
    }

    private static void HostPorts(EcsTaskDefinitionSpec task, Findings findings)
    {
        if (task.NetworkMode is not ("awsvpc" or "host"))
        {
            return;
        }
        for (var c = 0; c < task.Containers.Count; c++)
        {
            for (var p = 0; p < (task.Containers[c].PortMappings?.Count ?? 0); p++)
            {
                var port = task.Containers[c].PortMappings![p];
                if (port.HostPort is { } host && host != port.ContainerPort)
                {
                    findings.Error(DiagnosticCodes.HostPortMismatch,
                        $"with networkMode {task.NetworkMode} the hostPort must equal the containerPort ({port.ContainerPort}); remove hostPort or set it to {port.ContainerPort}",
                        $"spec.taskDefinition.containers[{c}].portMappings[{p}].hostPort");
                }
            }
        }
    }
}
