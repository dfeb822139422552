using Reconciler.Core.CloudRun;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation.CloudRun;

/// <summary>RC0040: cpu and memory in the forms Cloud Run takes; RC0041: the cpu/memory pairs it allows.</summary>
internal static class CloudRunResourcesValidator
{
    public static void Validate(CloudRunResources? resources, string path, Findings findings)
    {
        if (resources is null)
        {
            return;
        }
        decimal? cpu = null;
        int? memory = null;
        if (resources.Cpu is { } cpuText && (cpu = CloudRunSizes.Cpu(cpuText)) is null)
        {
            findings.Error(DiagnosticCodes.CloudRunResourceFormat,
                $"cpu '{cpuText}' is not a Cloud Run cpu limit; write 1, 2, 4, 6 or 8 (or 1000m, 2000m, ...), or a fraction from 0.08 below 1 such as 0.5", path + ".cpu");
        }
        if (resources.Memory is { } memoryText && (memory = CloudRunSizes.MemoryMiB(memoryText)) is null)
        {
            findings.Error(DiagnosticCodes.CloudRunResourceFormat,
                $"memory '{memoryText}' is not a Cloud Run memory limit; write a whole number of Mi or Gi from 128Mi to 32Gi, such as 512Mi or 2Gi", path + ".memory");
        }
        if ((resources.Cpu is null || cpu is not null) && (resources.Memory is null || memory is not null) && (cpu ?? memory) is not null)
        {
            Pair(cpu ?? CloudRunSizes.DefaultCpu, memory ?? CloudRunSizes.DefaultMemoryMiB, resources, path, findings);
        }
    }

    private static void Pair(decimal cpu, int memory, CloudRunResources resources, string path, Findings findings)
    {
        var problem =
            memory > 24 * 1024 && cpu < 8 ? "memory above 24Gi needs cpu 8"
            : memory > 16 * 1024 && cpu < 6 ? "memory above 16Gi needs cpu 6 or more"
            : memory > 8 * 1024 && cpu < 4 ? "memory above 8Gi needs cpu 4 or more"
            : memory > 4 * 1024 && cpu < 2 ? "memory above 4Gi needs cpu 2 or more"
            : cpu == 4 && memory < 2 * 1024 ? "cpu 4 needs at least 2Gi of memory"
            : cpu >= 6 && memory < 4 * 1024 ? $"cpu {cpu} needs at least 4Gi of memory"
            : cpu < 0.5m && memory > 512 ? "cpu below 0.5 allows at most 512Mi of memory"
            : cpu < 1 && memory > 1024 ? "cpu below 1 allows at most 1Gi of memory"
            : null;
        if (problem is null)
        {
            return;
        }
        var given = $"cpu {resources.Cpu ?? "1 (the default)"} with memory {resources.Memory ?? "512Mi (the default)"}";
        findings.Error(DiagnosticCodes.CloudRunCpuMemory, $"Cloud Run refuses {given}: {problem}", resources.Memory is null ? path + ".cpu" : path + ".memory");
    }
}
