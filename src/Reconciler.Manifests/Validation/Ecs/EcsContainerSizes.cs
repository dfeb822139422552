using Reconciler.Core.Ecs;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>Container cpu, memory and memoryReservation: positive, and within (and in total within) the task's.</summary>
internal static class EcsContainerSizes
{
    private const string Root = "spec.taskDefinition";

    public static void Validate(EcsTaskDefinitionSpec task, int? taskCpu, int? taskMemory, Findings findings)
    {
        var fits = true;
        for (var i = 0; i < task.Containers.Count; i++)
        {
            fits &= Container(task.Containers[i], $"{Root}.containers[{i}]", taskCpu, taskMemory, findings);
        }
        if (!fits)
        {
            return;
        }
        var cpus = task.Containers.Sum(c => c.Cpu ?? 0);
        if (taskCpu is { } tc && cpus > tc)
        {
            findings.Error(DiagnosticCodes.ContainerExceedsTask,
                $"the containers reserve {cpus} CPU units in total, more than the task's cpu {tc}; lower the containers' cpu or raise the task's", Root + ".containers");
        }
        var reserved = task.Containers.Sum(c => c.MemoryReservation ?? c.Memory ?? 0);
        if (taskMemory is { } tm && reserved > tm)
        {
            findings.Error(DiagnosticCodes.ContainerExceedsTask,
                $"the containers reserve {reserved} MiB in total, more than the task's memory {tm}; lower the containers' memory or raise the task's", Root + ".containers");
        }
    }

    private static bool Container(EcsContainerSpec container, string path, int? taskCpu, int? taskMemory, Findings findings)
    {
        var ok = true;
        if (container.Cpu is < 0)
        {
            findings.Error(DiagnosticCodes.EcsSizeFormat, $"container cpu is CPU units, 0 or more; got {container.Cpu}", path + ".cpu");
            ok = false;
        }
        foreach (var (value, field) in new[] { (container.Memory, "memory"), (container.MemoryReservation, "memoryReservation") })
        {
            if (value is { } mib && mib < EcsLimits.MinContainerMemory)
            {
                findings.Error(DiagnosticCodes.EcsSizeFormat,
                    $"container {field} is MiB and at least {EcsLimits.MinContainerMemory} (Docker reserves 6 MiB per container); got {mib}", $"{path}.{field}");
                ok = false;
            }
        }
        if (!ok)
        {
            return false;
        }
        ok &= NotAbove(container.Cpu, taskCpu, "cpu", "the task's cpu", path + ".cpu", findings);
        ok &= NotAbove(container.Memory, taskMemory, "memory", "the task's memory", path + ".memory", findings);
        ok &= NotAbove(container.MemoryReservation, taskMemory, "memoryReservation", "the task's memory", path + ".memoryReservation", findings);
        ok &= NotAbove(container.MemoryReservation, container.Memory, "memoryReservation", "the container's memory (the hard limit)", path + ".memoryReservation", findings);
        return ok;
    }

    private static bool NotAbove(int? value, int? limit, string field, string what, string path, Findings findings)
    {
        if (value is { } v && limit is { } l && v > l)
        {
            findings.Error(DiagnosticCodes.ContainerExceedsTask, $"container {field} {v} is more than {what} ({l}); lower it to {l} or less", path);
            return false;
        }
        return true;
    }
}
