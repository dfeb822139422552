using Reconciler.Core.Ecs;
using Reconciler.Core.Seams;

namespace Reconciler.Core.Reconciling;

/// <summary>Dispatches an observation to the pure decider of its kind.</summary>
public static class Decider
{
    public static Decision Decide(Observation observation, DecisionContext context) => observation switch
    {
        EcsObservation ecs => EcsDecider.Decide(ecs, context),
        _ => throw new NotSupportedException($"no decider for {observation.GetType().Name}"),
    };

    /// <summary>A resource removed from git whose last manifest enabled <c>syncPolicy.prune</c>.</summary>
    public static Decision DecideOrphan(Observation observation) => observation switch
    {
        EcsObservation ecs => EcsPruneDecider.Decide(ecs),
        _ => throw new NotSupportedException($"no prune decider for {observation.GetType().Name}"),
    };
}
