using System.Globalization;
using Reconciler.Core.Ecs;

namespace Reconciler.Core.Health;

/// <summary>
/// Stopped tasks as evidence of a failing revision: which stops count as failures, how many are too many,
/// and a one-line summary a person can act on ("3 tasks stopped: Task failed container health checks").
/// </summary>
public static class StoppedTasks
{
    /// <summary>Stops ECS makes on purpose (scale-in, deployment replacement, maintenance, a user's StopTask): not failures.</summary>
    private static readonly string[] PlannedStopMarkers =
        ["Scaling activity initiated by", "stopped by user", "maintenance", "Service deletion"];

    /// <summary>Failed tasks of one task definition, optionally only those stopped since a rollout began.</summary>
    public static IReadOnlyList<StoppedTask> Failures(IEnumerable<StoppedTask> tasks, string taskDefinitionArn, DateTimeOffset? since = null) =>
        tasks.Where(t => t.TaskDefinitionArn == taskDefinitionArn)
            .Where(t => since is null || t.StoppedAt is null || t.StoppedAt >= since)
            .Where(t => IsFailure(t.StoppedReason))
            .ToArray();

    public static bool IsFailure(string? reason) =>
        !string.IsNullOrWhiteSpace(reason)
        && !PlannedStopMarkers.Any(m => reason.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>Failures that mean "this revision does not start": as many as the desired count, and at least 2.</summary>
    public static int Threshold(int desiredCount) => Math.Max(2, desiredCount);

    /// <summary>"3 tasks stopped: Task failed container health checks (2), Essential container in task exited (1)".</summary>
    public static string Summarize(IReadOnlyList<StoppedTask> failures)
    {
        var groups = failures.GroupBy(t => t.StoppedReason!.Trim())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var reasons = groups.Length == 1
            ? groups[0].Key
            : string.Join(", ", groups.Select(g => $"{g.Key} ({g.Count().ToString(CultureInfo.InvariantCulture)})"));
        var noun = failures.Count == 1 ? "task" : "tasks";
        return $"{failures.Count.ToString(CultureInfo.InvariantCulture)} {noun} stopped: {reasons}";
    }
}
