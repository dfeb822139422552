using Reconciler.Core.Health;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// For a platform whose decisions are not built yet (Cloud Run until issue 8 part B lands its decider): every
/// resource is Stalled with that reason and nothing is written — the same answer as an unregistered kind.
/// </summary>
public sealed class NoDecider(string reason) : IDecider
{
    public Decision Decide(Observation observation, DecisionContext context) => Stalled(observation);

    public Decision DecideOrphan(Observation observation) => Stalled(observation);

    private Decision Stalled(Observation observation) =>
        new Decision.Stalled(Plan.Empty(observation.Resolved.Key), new HealthAssessment(HealthStatus.Unknown, reason), reason, []);
}
