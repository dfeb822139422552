using System.Globalization;
using Reconciler.Core.Rollout;

namespace Reconciler.Core.CloudRun;

/// <summary>
/// Judges one Cloud Run rollout towards a target revision. Completed only when the service settled on it:
/// <c>observedGeneration == generation</c>, not <c>reconciling</c>, <c>latestReadyRevision</c> is the target, the
/// terminal condition succeeded and traffic is served as declared. A failed revision (its own failed condition, or a
/// failed terminal condition while it is the latest created) is Failed even though Cloud Run kept traffic on the old
/// revision by itself; so is a revision that is not ready within the progress deadline.
/// </summary>
public static class CloudRunRolloutAssessor
{
    /// <summary>How long a revision may take to become Ready when the manifest does not say (the ECS default too).</summary>
    public static readonly TimeSpan DefaultProgressDeadline = TimeSpan.FromMinutes(10);

    public static RolloutVerdict Assess(ObservedCloudRunService service, string target, IReadOnlyList<CloudRunTrafficTarget> declared,
        DateTimeOffset startedAt, DateTimeOffset now, TimeSpan progressDeadline)
    {
        if (service.Revision(target)?.Failure is { } failure)
        {
            return new RolloutVerdict.Failed($"revision {target} failed: {Reason(failure)}", null, RolloutFailure.RevisionFailed);
        }
        if (service.LatestCreatedRevision == target && service.TerminalCondition is { State: CloudRunConditionStates.Failed } terminal)
        {
            return new RolloutVerdict.Failed($"revision {target} failed: {Reason(terminal)}", null, RolloutFailure.RevisionFailed);
        }
        var settled = !service.Reconciling
            && service.Generation == service.ObservedGeneration
            && service.TerminalCondition?.State is null or CloudRunConditionStates.Succeeded;
        if (settled && service.LatestReadyRevision == target && ServedAsDeclared(service, target, declared))
        {
            return new RolloutVerdict.Completed($"revision {target} is ready and serving {Describe(declared)}");
        }
        if (now - startedAt >= progressDeadline)
        {
            return new RolloutVerdict.Failed($"revision {target} was not ready within the progress deadline of {Minutes(progressDeadline)}", null, RolloutFailure.ProgressDeadline);
        }
        return new RolloutVerdict.InProgress(service.LatestReadyRevision == target
            ? $"revision {target} is ready; waiting for traffic {Describe(declared)}"
            : $"deploying revision {target} (serving {service.LatestReadyRevision ?? "nothing yet"})");
    }

    /// <summary>
    /// The traffic Cloud Run reports serving (<c>trafficStatuses</c>) is the declared split, with "latest" resolved
    /// to the target. No statuses reported at all is taken as served (the API always reports them once settled).
    /// </summary>
    public static bool ServedAsDeclared(ObservedCloudRunService service, string target, IReadOnlyList<CloudRunTrafficTarget> declared)
    {
        var statuses = service.TrafficStatuses ?? [];
        if (statuses.Count == 0)
        {
            return true;
        }
        static string Key(CloudRunTrafficTarget t, string target) =>
            $"{t.Percent}|{(t.Latest == true ? "latest:" + (t.Revision ?? target) : t.Revision)}|{t.Tag}";
        var want = declared.Where(t => t.Percent > 0 || t.Tag is not null).Select(t => Key(t, target)).Order(StringComparer.Ordinal);
        var have = statuses.Where(t => t.Percent > 0 || t.Tag is not null).Select(t => Key(t, target)).Order(StringComparer.Ordinal);
        return want.SequenceEqual(have, StringComparer.Ordinal);
    }

    /// <summary>The traffic a deploy sends when the manifest declares none: 100 % to the latest ready revision.</summary>
    public static IReadOnlyList<CloudRunTrafficTarget> DeclaredTraffic(CloudRunServiceSpec spec) =>
        spec.Traffic ?? [new CloudRunTrafficTarget(100, Latest: true)];

    private static string Reason(CloudRunCondition c)
    {
        var code = c.RevisionReason ?? c.Reason;
        return code is null ? c.Message ?? "no reason given" : $"{code}{(c.Message is null ? "" : ": " + c.Message)}";
    }

    private static string Describe(IReadOnlyList<CloudRunTrafficTarget> traffic) =>
        string.Join(", ", traffic.Select(t => $"{(t.Latest == true ? "latest" : t.Revision)}={t.Percent.ToString(CultureInfo.InvariantCulture)}%"));

    private static string Minutes(TimeSpan t) =>
        t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.#}m") : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0}s");
}
