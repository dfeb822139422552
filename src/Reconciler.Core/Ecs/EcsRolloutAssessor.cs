using Reconciler.Core.Rollout;
using System.Globalization;
using Reconciler.Core.Health;

namespace Reconciler.Core.Ecs;

/// <summary>
/// Judges one ECS rollout towards a target task definition. Completed only when the service is stable in the
/// sense of the official <c>services-stable</c> waiter (one deployment, runningCount == desiredCount), on the
/// target, with rolloutState COMPLETED where ECS reports one. A rollback by ECS's own circuit breaker is Failed
/// even though the service is stable again (ecspresso#732 reported exactly that as success).
/// </summary>
public static class EcsRolloutAssessor
{
    public static RolloutVerdict Assess(ObservedEcsService observed, string targetTaskDefinitionArn,
        DateTimeOffset startedAt, DateTimeOffset now, TimeSpan progressDeadline)
    {
        // The waiter's failure acceptors: a service being deleted can never reach the target.
        if (observed.Status is EcsStatuses.Draining or EcsStatuses.Inactive)
        {
            return new RolloutVerdict.Failed($"the service is {observed.Status}: it was deleted during the rollout", null, RolloutFailure.ServiceDeleted);
        }
        var primary = EcsHealth.Primary(observed);
        var failures = StoppedTasks.Failures(observed.StoppedTasks, targetTaskDefinitionArn, since: startedAt);
        var summary = failures.Count == 0 ? null : StoppedTasks.Summarize(failures);
        if (EcsRollbackDetector.Detect(observed, targetTaskDefinitionArn, startedAt) is { } rolledBack)
        {
            return new RolloutVerdict.Failed(rolledBack, summary, RolloutFailure.CloudRolledBack);
        }
        if (primary?.RolloutState == EcsStatuses.Failed)
        {
            return new RolloutVerdict.Failed($"ECS marked the deployment FAILED: {primary.RolloutStateReason ?? "no reason given"}", summary, RolloutFailure.DeploymentFailed);
        }
        var desired = Math.Max(observed.DesiredCount, primary?.DesiredCount ?? 0);
        if (failures.Count >= StoppedTasks.Threshold(desired))
        {
            return new RolloutVerdict.Failed($"tasks of {targetTaskDefinitionArn} keep stopping", summary, RolloutFailure.TasksStopping);
        }
        var progress = Progress(observed, primary);
        if (IsStable(observed) && primary?.RolloutState is null or EcsStatuses.Completed)
        {
            return new RolloutVerdict.Completed(progress);
        }
        if (now - startedAt >= progressDeadline)
        {
            return new RolloutVerdict.Failed($"no steady state within the progress deadline of {Minutes(progressDeadline)} ({progress})", summary, RolloutFailure.ProgressDeadline);
        }
        return new RolloutVerdict.InProgress(summary is null ? progress : $"{progress}; {summary}");
    }

    /// <summary>The <c>services-stable</c> waiter's success acceptor (ecs-2014-11-13.waiters-2.json).</summary>
    public static bool IsStable(ObservedEcsService observed) =>
        observed.Deployments.Count == 1 && observed.RunningCount == observed.DesiredCount;

    /// <summary>Counts of the PRIMARY deployment: the service's runningCount mixes old and new tasks mid-rollout.</summary>
    private static string Progress(ObservedEcsService s, ObservedDeployment? primary)
    {
        var (running, desired) = primary is null ? (s.RunningCount, s.DesiredCount) : (primary.RunningCount, primary.DesiredCount);
        var n = s.Deployments.Count;
        return string.Create(CultureInfo.InvariantCulture, $"{running}/{desired} new tasks running, {n} deployment{(n == 1 ? "" : "s")}");
    }

    private static string Minutes(TimeSpan t) =>
        t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.#}m") : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0}s");
}
