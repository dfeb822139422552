using Reconciler.Core.CloudRun;

namespace Reconciler.Core.Health;

/// <summary>Health of one Cloud Run service from its conditions (Ready, RoutesReady, ConfigurationsReady).</summary>
public static class CloudRunHealth
{
    private static readonly string[] Watched =
        [CloudRunConditionTypes.Ready, CloudRunConditionTypes.RoutesReady, CloudRunConditionTypes.ConfigurationsReady];

    public static HealthAssessment Assess(ObservedCloudRunService? observed)
    {
        if (observed is null)
        {
            return new(HealthStatus.Missing, "service does not exist");
        }
        var watched = observed.Conditions.Where(c => Watched.Contains(c.Type)).ToArray();
        if (watched.FirstOrDefault(c => c.State == CloudRunConditionStates.Failed) is { } failed)
        {
            return new(HealthStatus.Degraded, $"{failed.Type} failed: {failed.Message ?? failed.Reason ?? "no message"}");
        }
        if (observed.Reconciling || watched.Any(c => c.State is CloudRunConditionStates.Pending or CloudRunConditionStates.Reconciling))
        {
            return new(HealthStatus.Progressing, $"deploying revision {observed.LatestCreatedRevision ?? "(none yet)"}");
        }
        if (observed.Condition(CloudRunConditionTypes.Ready)?.State != CloudRunConditionStates.Succeeded)
        {
            return new(HealthStatus.Unknown, "no Ready condition reported");
        }
        // Cloud Run keeps serving the last good revision when a new one fails; Ready alone would hide that.
        if (observed.LatestCreatedRevision is { } created && created != observed.LatestReadyRevision)
        {
            return new(HealthStatus.Degraded, $"revision {created} never became ready; still serving {observed.LatestReadyRevision}");
        }
        return new(HealthStatus.Healthy, $"serving revision {observed.LatestReadyRevision}");
    }
}
