namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>
/// The task sizes Fargate runs (ECS developer guide, "Task size"; the same table is in the model's
/// <c>RegisterTaskDefinitionRequest.memory</c> documentation): each CPU value with its memory range and step, in MiB.
/// Cpu 256 is the exception: 512, 1024 or 2048, not 1536.
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

    /// <summary>The memory values (MiB) Fargate runs with this CPU; empty when Fargate has no such CPU value.</summary>
    public static IReadOnlyList<int> Memories(int cpu) =>
        cpu == 256
            ? [512, 1024, 2048]
            : Table.Where(row => row.Cpu == cpu)
                .SelectMany(row => Enumerable.Range(0, (row.MaxMemory - row.MinMemory) / row.Step + 1).Select(i => row.MinMemory + i * row.Step))
                .ToList();

    public static bool IsValid(int cpu, int memory) => Memories(cpu).Contains(memory);

    /// <summary>What to write instead, for the message: the memory values this CPU allows, or the CPU values.</summary>
    public static string Allowed(int cpu) =>
        Table.FirstOrDefault(row => row.Cpu == cpu) is { Cpu: > 0 } row
            ? row.Cpu == 256
                ? "cpu 256 takes memory 512, 1024 or 2048"
                : $"cpu {row.Cpu} takes memory {row.MinMemory} to {row.MaxMemory} in steps of {row.Step}"
            : $"Fargate cpu is one of {string.Join(", ", Table.Select(r => r.Cpu))}";
}
