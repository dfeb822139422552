using Reconciler.Core.Reconciling;
using Reconciler.Core.Health;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Ecs;

/// <summary>
/// Prune of an ECS service removed from git (opt-in per resource with <c>syncPolicy.prune</c>): scale it to 0, and
/// only when it carries our managed-by tag — a service Reconciler did not create is never touched.
/// </summary>
public static class EcsPruneDecider
{
    public static Decision Decide(EcsObservation observation)
    {
        var key = observation.Desired.Key;
        var service = observation.Service;
        if (service is null)
        {
            return new Decision.InSync(Plan.Empty(key), new HealthAssessment(HealthStatus.Missing, "pruned: the service no longer exists"), "pruned: the service no longer exists");
        }
        if (service.Tag(TagKeys.ManagedBy) != TagKeys.ManagedByValue)
        {
            var message = $"removed from git but not pruned: the service has no {TagKeys.ManagedBy}={TagKeys.ManagedByValue} tag, so Reconciler does not own it";
            return new Decision.Stalled(Plan.Empty(key), new HealthAssessment(HealthStatus.Unknown, message), message, []);
        }
        if (service.DesiredCount == 0)
        {
            return new Decision.InSync(Plan.Empty(key), new HealthAssessment(HealthStatus.Suspended, "pruned: scaled to 0"), "pruned: scaled to 0 (removed from git)");
        }
        var scale = new UpdateService(key, observation.Desired.Spec, TaskDefinitionFingerprint: null, DesiredCount: 0, Settings: false);
        return new Decision.Converge(new Plan(key, [scale]), new HealthAssessment(HealthStatus.Progressing, "pruning"),
            $"pruning: removed from git, scaling {service.DesiredCount} -> 0 tasks", [], false);
    }
}
