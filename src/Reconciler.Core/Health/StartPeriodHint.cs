using Reconciler.Core.Ecs;

namespace Reconciler.Core.Health;

/// <summary>
/// Seed 000: tasks were killed by health checks before the app had started, because startPeriod was 0;
/// the fix was <c>startPeriod: 60</c>. When that pattern shows, the health message says so.
/// </summary>
internal static class StartPeriodHint
{
    public static string For(ObservedEcsService observed, IReadOnlyList<StoppedTask> failures)
    {
        var healthCheckFailures = failures.Any(t => t.StoppedReason!.Contains("health check", StringComparison.OrdinalIgnoreCase));
        var containers = observed.TaskDefinition?.Spec.Containers ?? [];
        var withoutGrace = containers.FirstOrDefault(c => c.HealthCheck is { } h && (h.StartPeriod ?? TimeSpan.Zero) == TimeSpan.Zero);
        return healthCheckFailures && withoutGrace is not null
            ? $" — container {withoutGrace.Name} has healthCheck.startPeriod 0s; give the app time to start"
            : "";
    }
}
