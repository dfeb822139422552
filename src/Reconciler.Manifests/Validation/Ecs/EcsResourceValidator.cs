using Reconciler.Core.Ecs;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>
/// Task and container cpu/memory (RC0031, RC0032) and what Fargate requires of them (RC0033, RC0034): the checks
/// RegisterTaskDefinition would otherwise fail with a ClientException at apply time.
/// </summary>
internal static class EcsResourceValidator
{
    private const string Root = "spec.taskDefinition";

    public static void Validate(EcsServiceSpec spec, Findings findings)
    {
        var task = spec.TaskDefinition;
        var cpu = TaskSize(task.Cpu, EcsSizes.CpuUnits, "cpu", "CPU units such as 256 or 1024, or vCPUs such as '1 vCPU'", findings);
        var memory = TaskSize(task.Memory, EcsSizes.MemoryMiB, "memory", "MiB such as 512 or 2048, or GB such as '2 GB'", findings);
        if (cpu is { } units && (units < EcsLimits.MinTaskCpu || units > EcsLimits.MaxTaskCpu))
        {
            findings.Error(DiagnosticCodes.EcsSizeFormat,
                $"task cpu must be between {EcsLimits.MinTaskCpu} and {EcsLimits.MaxTaskCpu} CPU units (0.125 to 192 vCPU), got {units}", Root + ".cpu");
            cpu = null;
        }
        EcsContainerSizes.Validate(task, cpu, memory, findings);
        if (Fargate.Reason(spec) is { } why)
        {
            ValidateFargate(task, why, cpu, memory, findings);
        }
    }

    private static int? TaskSize(string? text, Func<string, int?> parse, string field, string forms, Findings findings)
    {
        if (text is null)
        {
            return null;
        }
        if (parse(text) is { } value and > 0)
        {
            return value;
        }
        findings.Error(DiagnosticCodes.EcsSizeFormat, $"task {field} '{text}' is not a positive amount ECS accepts; write {forms}", $"{Root}.{field}");
        return null;
    }

    private static void ValidateFargate(EcsTaskDefinitionSpec task, string why, int? cpu, int? memory, Findings findings)
    {
        if (task.NetworkMode != "awsvpc")
        {
            findings.Error(DiagnosticCodes.FargateRequirements,
                $"Fargate ({why}) supports only networkMode awsvpc; add 'networkMode: awsvpc' to the task definition", Root + ".networkMode");
        }
        if (task.Cpu is null || task.Memory is null)
        {
            var missing = task.Cpu is null && task.Memory is null ? "cpu and memory" : task.Cpu is null ? "cpu" : "memory";
            findings.Error(DiagnosticCodes.FargateRequirements,
                $"Fargate ({why}) requires task-level cpu and memory; add {missing} to the task definition, e.g. cpu: 256 and memory: 512",
                task.Cpu is null ? Root + ".cpu" : Root + ".memory");
        }
        if (cpu is { } c && memory is { } m && !FargateSizes.IsValid(c, m))
        {
            var knownCpu = FargateSizes.Table.Any(row => row.Cpu == c);
            findings.Error(DiagnosticCodes.FargateSize,
                $"Fargate has no task size with cpu {c} and memory {m}; {FargateSizes.Allowed(c)}", knownCpu ? Root + ".memory" : Root + ".cpu");
        }
    }
}
