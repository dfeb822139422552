using Reconciler.Emulator.Ecs;
using Reconciler.Emulator.Ssm;

namespace Reconciler.Emulator.World;

/// <summary>Everything the emulator holds for one region: AWS keeps ECS and SSM state per region.</summary>
internal sealed class RegionState(EcsRegion ecs, SsmRegion ssm)
{
    public EcsRegion Ecs { get; } = ecs;

    public SsmRegion Ssm { get; } = ssm;
}
