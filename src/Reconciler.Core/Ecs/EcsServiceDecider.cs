using Reconciler.Core.Reconciling;
using Reconciler.Core.Seams;

namespace Reconciler.Core.Ecs;

/// <summary>The decider the ECS platform supplies: <see cref="EcsDecider"/> for declared services, <see cref="EcsPruneDecider"/> for orphans.</summary>
public sealed class EcsServiceDecider : IDecider
{
    public static EcsServiceDecider Instance { get; } = new();

    public Decision Decide(Observation observation, DecisionContext context) => EcsDecider.Decide(Ecs(observation), context);

    public Decision DecideOrphan(Observation observation) => EcsPruneDecider.Decide(Ecs(observation));

    private static EcsObservation Ecs(Observation observation) => observation as EcsObservation
        ?? throw new ArgumentException($"the ECS decider was given a {observation.GetType().Name}", nameof(observation));
}
