using Reconciler.Core.Model;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Ecs;

/// <summary>The version to roll back to, or why there is none (then the caller reports Stalled without a rollback).</summary>
public sealed record RollbackChoice(RollBack? Action, string Reason);

/// <summary>
/// Decides which task definition a failed rollout goes back to. Pure, so the decision is tested here and not
/// made inside a catch block: first the last known-good tag, then the newest earlier deployment that COMPLETED.
/// </summary>
public static class RollbackTargetChooser
{
    public static RollbackChoice Choose(ResourceKey key, ActionLocation location, ObservedEcsService observed, string failedTaskDefinitionArn, string failureReason)
    {
        if (observed.Tag(TagKeys.LastKnownGood) is { Length: > 0 } lastKnownGood && lastKnownGood != failedTaskDefinitionArn)
        {
            return RollTo(key, location, lastKnownGood, "last known-good", failedTaskDefinitionArn, failureReason);
        }
        var previous = observed.Deployments
            .Where(d => d.TaskDefinitionArn != failedTaskDefinitionArn && d.RolloutState == EcsStatuses.Completed)
            .OrderByDescending(d => d.UpdatedAt ?? d.CreatedAt ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
        if (previous is not null)
        {
            return RollTo(key, location, previous.TaskDefinitionArn, "previous completed deployment", failedTaskDefinitionArn, failureReason);
        }
        return new RollbackChoice(null,
            $"rollout of {failedTaskDefinitionArn} failed ({failureReason}) and there is no known-good task definition to roll back to " +
            $"(no {TagKeys.LastKnownGood} tag, no earlier COMPLETED deployment); fix the manifest and commit");
    }

    private static RollbackChoice RollTo(ResourceKey key, ActionLocation location, string target, string source, string failed, string failureReason)
    {
        var reason = $"rollout of {failed} failed ({failureReason}); rolling back to the {source} {target}";
        return new RollbackChoice(new RollBack(key, location, target, reason), reason);
    }
}
