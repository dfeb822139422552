using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation.Ecs;

namespace Reconciler.Manifests.Validation;

/// <summary>Task definition and container rules (limits from the ECS RegisterTaskDefinition API).</summary>
internal static class EcsTaskDefinitionValidator
{
    private const string Root = "spec.taskDefinition";

    public static void Validate(EcsTaskDefinitionSpec task, Findings findings)
    {
        EcsServiceValidator.Identifier(task.Family, Root + ".family", "family", findings, EcsLimits.MaxFamilyLength);
        findings.Choice(task.NetworkMode, ["awsvpc", "bridge", "host", "none"], Root + ".networkMode");
        for (var i = 0; i < (task.RequiresCompatibilities?.Count ?? 0); i++)
        {
            findings.Choice(task.RequiresCompatibilities![i], ["FARGATE", "EC2", "EXTERNAL"], $"{Root}.requiresCompatibilities[{i}]");
        }
        findings.Choice(task.RuntimePlatform?.CpuArchitecture, ["X86_64", "ARM64"], Root + ".runtimePlatform.cpuArchitecture");
        if (task.Containers.Count == 0)
        {
            findings.Error(DiagnosticCodes.MissingField, "a task definition needs at least one container", Root + ".containers");
        }
        else if (task.Containers.Count > EcsLimits.MaxContainers)
        {
            findings.Error(DiagnosticCodes.OutOfRange, $"a task definition holds at most {EcsLimits.MaxContainers} containers (ECS quota), got {task.Containers.Count}; split the task", Root + ".containers");
        }
        else if (task.Containers.All(c => c.Essential == false))
        {
            findings.Error(DiagnosticCodes.MissingField, "at least one container must be essential; remove 'essential: false' from the main container", Root + ".containers");
        }
        var seen = new HashSet<string>();
        for (var i = 0; i < task.Containers.Count; i++)
        {
            var path = $"{Root}.containers[{i}]";
            if (!seen.Add(task.Containers[i].Name))
            {
                findings.Error(DiagnosticCodes.DuplicateContainer, $"container name '{task.Containers[i].Name}' is used twice; container names must be unique", path + ".name");
            }
            ValidateContainer(task.Containers[i], path, findings);
        }
    }

    private static void ValidateContainer(EcsContainerSpec container, string path, Findings findings)
    {
        EcsServiceValidator.Identifier(container.Name, path + ".name", "container name", findings);
        ManifestValidator.Image(container.Image, path + ".image", findings);
        EnvironmentNames.Validate(container.Environment, path + ".environment", container.Secrets, path + ".secrets", cloudRun: false, findings);
        foreach (var (name, value) in container.Environment ?? new Dictionary<string, Value>())
        {
            ManifestValidator.Reference(value, $"{path}.environment.{name}", findings);
        }
        foreach (var (name, secret) in container.Secrets ?? new Dictionary<string, SecretRef>())
        {
            if (secret is SecretRef.SsmParameter { Path: var p } && !p.StartsWith('/') && !p.StartsWith("arn:"))
            {
                findings.Error(DiagnosticCodes.InvalidReference, "ssmParameter must be a path starting with '/' or a parameter ARN", $"{path}.secrets.{name}.ssmParameter");
            }
            if (secret is SecretRef.SecretsManager { Arn: var arn } && !arn.StartsWith("arn:"))
            {
                findings.Error(DiagnosticCodes.InvalidReference, "secretsManagerArn must be an ARN (arn:aws:secretsmanager:...)", $"{path}.secrets.{name}.secretsManagerArn");
            }
        }
        for (var i = 0; i < (container.PortMappings?.Count ?? 0); i++)
        {
            var port = container.PortMappings![i];
            var portPath = $"{path}.portMappings[{i}]";
            findings.Range(port.ContainerPort, 1, 65535, portPath + ".containerPort", "containerPort");
            findings.Range(port.HostPort, 0, 65535, portPath + ".hostPort", "hostPort");
            findings.Choice(port.Protocol, ["tcp", "udp"], portPath + ".protocol");
            findings.Choice(port.AppProtocol, ["http", "http2", "grpc"], portPath + ".appProtocol");
        }
        if (container.HealthCheck is { } check)
        {
            ValidateHealthCheck(check, path + ".healthCheck", findings);
        }
    }

    private static void ValidateHealthCheck(EcsHealthCheck check, string path, Findings findings)
    {
        if (check.Command.Count < 2 || check.Command[0] is not ("CMD" or "CMD-SHELL"))
        {
            findings.Error(DiagnosticCodes.InvalidHealthCheck,
                "healthCheck.command starts with CMD or CMD-SHELL followed by the command, e.g. [CMD-SHELL, \"python -c '...' || exit 1\"]", path + ".command");
        }
        Seconds(check.Interval, EcsLimits.HealthCheckInterval, path, findings);
        Seconds(check.Timeout, EcsLimits.HealthCheckTimeout, path, findings);
        findings.Range(check.Retries, EcsLimits.HealthCheckRetries.Min, EcsLimits.HealthCheckRetries.Max, path + ".retries", "retries");
        Seconds(check.StartPeriod, EcsLimits.HealthCheckStartPeriod, path, findings);
    }

    private static void Seconds(TimeSpan? value, (string Field, int Min, int Max) limit, string parent, Findings findings)
    {
        var (field, min, max) = limit;
        var path = $"{parent}.{field}";
        if (value is { } v && (v < TimeSpan.FromSeconds(min) || v > TimeSpan.FromSeconds(max) || v.Milliseconds != 0))
        {
            findings.Error(DiagnosticCodes.OutOfRange, $"{field} must be whole seconds between {min}s and {max}s (ECS limits), got {Binding.Durations.Format(v)}", path);
        }
    }
}
