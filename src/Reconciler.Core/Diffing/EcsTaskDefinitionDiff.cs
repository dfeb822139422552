using Reconciler.Core.Ecs;

namespace Reconciler.Core.Diffing;

/// <summary>Field-by-field comparison of a task definition; every change here needs a new revision.</summary>
internal static class EcsTaskDefinitionDiff
{
    private const ChangeScope Scope = ChangeScope.Template;
    private const string Prefix = "taskDefinition";

    public static void Compare(ChangeList changes, EcsTaskDefinitionSpec desired, EcsTaskDefinitionSpec observed)
    {
        changes.Scalar($"{Prefix}.family", desired.Family, observed.Family, Scope);
        changes.Scalar($"{Prefix}.cpu", desired.Cpu, observed.Cpu, Scope);
        changes.Scalar($"{Prefix}.memory", desired.Memory, observed.Memory, Scope);
        changes.Scalar($"{Prefix}.networkMode", desired.NetworkMode, observed.NetworkMode, Scope);
        changes.Set($"{Prefix}.requiresCompatibilities", desired.RequiresCompatibilities, observed.RequiresCompatibilities, Scope);
        changes.Scalar($"{Prefix}.executionRoleArn", desired.ExecutionRoleArn, observed.ExecutionRoleArn, Scope);
        changes.Scalar($"{Prefix}.taskRoleArn", desired.TaskRoleArn, observed.TaskRoleArn, Scope);
        if (desired.RuntimePlatform is { } platform)
        {
            var live = observed.RuntimePlatform ?? new EcsRuntimePlatform();
            changes.Scalar($"{Prefix}.runtimePlatform.cpuArchitecture", platform.CpuArchitecture, live.CpuArchitecture, Scope);
            changes.Scalar($"{Prefix}.runtimePlatform.operatingSystemFamily", platform.OperatingSystemFamily, live.OperatingSystemFamily, Scope);
        }
        Keyed.Compare(changes, $"{Prefix}.containers", desired.Containers, observed.Containers,
            c => c.Name, c => c.Image.ToString(), Scope, (path, d, o) => EcsContainerDiff.Compare(changes, path, d, o));
    }
}
