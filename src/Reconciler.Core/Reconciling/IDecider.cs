using Reconciler.Core.Seams;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The pure decision of one platform, supplied by the platform itself (<see cref="IPlatform.Decider"/>): the engine
/// never dispatches on observation types. Every implementation uses <see cref="DecisionRules"/> for the rules all
/// platforms share, and supplies only the facts of its cloud.
/// </summary>
public interface IDecider
{
    /// <summary>The level-based decision for a resource declared in git.</summary>
    Decision Decide(Observation observation, DecisionContext context);

    /// <summary>A resource removed from git whose last manifest enabled <c>syncPolicy.prune</c>.</summary>
    Decision DecideOrphan(Observation observation);
}
