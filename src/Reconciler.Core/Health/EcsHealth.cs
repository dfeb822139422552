using System.Globalization;
using Reconciler.Core.Ecs;

namespace Reconciler.Core.Health;

/// <summary>
/// Health of one ECS service from its live state. Checks run worst first; the first that matches wins.
/// Stability follows the <c>services-stable</c> waiter: exactly one deployment and runningCount == desiredCount.
/// </summary>
public static class EcsHealth
{
    public static HealthAssessment Assess(ObservedEcsService? observed, string? expectedTaskDefinitionArn)
    {
        if (observed is null || observed.Status == EcsStatuses.Inactive)
        {
            return new(HealthStatus.Missing, observed is null ? "service does not exist" : "service is INACTIVE (deleted)");
        }
        if (observed.Status == EcsStatuses.Draining)
        {
            return new(HealthStatus.Degraded, "service is DRAINING (being deleted)");
        }
        var primary = Primary(observed);
        var current = primary?.TaskDefinitionArn ?? observed.TaskDefinitionArn;
        var failures = StoppedTasks.Failures(observed.StoppedTasks, expectedTaskDefinitionArn ?? current);
        var stopped = failures.Count == 0 ? null : StoppedTasks.Summarize(failures) + StartPeriodHint.For(observed, failures);
        if (primary?.RolloutState == EcsStatuses.Failed)
        {
            return new(HealthStatus.Degraded, Join($"rollout failed: {primary.RolloutStateReason ?? "no reason reported"}", stopped));
        }
        if (expectedTaskDefinitionArn is not null && current != expectedTaskDefinitionArn)
        {
            return new(HealthStatus.Degraded, $"service runs {current}, not the expected {expectedTaskDefinitionArn}");
        }
        var stable = observed.Deployments.Count <= 1 && observed.RunningCount == observed.DesiredCount;
        if (!stable && failures.Count >= StoppedTasks.Threshold(observed.DesiredCount))
        {
            return new(HealthStatus.Degraded, stopped!);
        }
        if (!stable || primary?.RolloutState == EcsStatuses.InProgress)
        {
            return new(HealthStatus.Progressing, Join($"{Tasks(observed)}, {Plural(observed.Deployments.Count, "deployment")}", stopped));
        }
        return new(HealthStatus.Healthy, Tasks(observed));
    }

    public static ObservedDeployment? Primary(ObservedEcsService observed) =>
        observed.Deployments.FirstOrDefault(d => d.Status == EcsStatuses.Primary);

    private static string Tasks(ObservedEcsService s) =>
        $"{s.RunningCount.ToString(CultureInfo.InvariantCulture)}/{s.DesiredCount.ToString(CultureInfo.InvariantCulture)} tasks running";

    private static string Plural(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string Join(string head, string? tail) => tail is null ? head : $"{head}; {tail}";
}
