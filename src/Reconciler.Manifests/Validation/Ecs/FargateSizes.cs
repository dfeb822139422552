namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>
/// The task sizes Fargate runs (ECS developer guide, "Task size"; the same table is in the model's
/// <c>RegisterTaskDefinitionRequest.memory</c> documentation): each CPU value with its memory range and step, in MiB.
/// </summary>
public static class FargateSizes
{
    public static readonly IReadOnlyList<(int Cpu, int MinMemory, int MaxMemory, int Step)> Table =
    [
        (256, 512, 2048, 512),
        (512, 1024, 4096, 1024),
        (1024, 2048, 8192, 1024),
        (2048, 4096, 16384, 1024),
        (4096, 8192, 30720, 1024),
        (8192, 16384, 61440, 4096),
        (16384, 32768, 122880, 8192),
    ];

    public static bool IsValid(int cpu, int memory) =>
        Table.Any(row => row.Cpu == cpu && memory >= row.MinMemory && memory <= row.MaxMemory
            && (row.Cpu == 256 ? memory is 512 or 1024 or 2048 : (memory - row.MinMemory) % row.Step == 0));

    /// <summary>What to write instead, for the message: the memory values this CPU allows, or the CPU values.</summary>
    public static string Allowed(int cpu) =>
        Table.FirstOrDefault(row => row.Cpu == cpu) is { Cpu: > 0 } row
            ? row.Cpu == 256
                ? "cpu 256 takes memory 512, 1024 or 2048"
                : $"cpu {row.Cpu} takes memory {row.MinMemory} to {row.MaxMemory} in steps of {row.Step}"
            : $"Fargate cpu is one of {string.Join(", ", Table.Select(r => r.Cpu))}";
}
