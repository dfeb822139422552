using Reconciler.Core.CloudRun;

namespace Reconciler.Testing.Builders;

/// <summary>
/// Live Cloud Run state as services.get would report it after the manifest was applied: same template plus API
/// defaults (container name, probe timeouts, default timeout), extra labels, all conditions succeeded.
/// </summary>
public static class ObservedCloudRunBuilder
{
    public static ObservedCloudRunService InSyncWith(CloudRunServiceManifest manifest, string revision = "web-00001-abc")
    {
        var spec = manifest.Spec;
        var template = spec with
        {
            Image = null,
            Containers = spec.EffectiveContainers.Select(c => c with
            {
                Name = c.Name ?? "web-1",
                StartupProbe = c.StartupProbe is { } p ? p with { Timeout = p.Timeout ?? TimeSpan.FromSeconds(1), FailureThreshold = p.FailureThreshold ?? 3 } : null,
            }).ToArray(),
            ServiceAccount = spec.ServiceAccount ?? "123-compute@developer.gserviceaccount.com",
            Ingress = spec.Ingress ?? "INGRESS_TRAFFIC_ALL",
            Traffic = null,
            Labels = null,
        };
        var labels = new Dictionary<string, string>(spec.Labels ?? new Dictionary<string, string>()) { ["managed-by"] = "reconciler" };
        return new ObservedCloudRunService(
            $"projects/{spec.Project}/locations/{spec.Region}/services/{manifest.Metadata.Name}",
            $"https://{manifest.Metadata.Name}-abc123-ew.a.run.app",
            revision,
            revision,
            template,
            spec.Traffic ?? [new CloudRunTrafficTarget(100, Latest: true)],
            [Ready(CloudRunConditionTypes.Ready), Ready(CloudRunConditionTypes.RoutesReady), Ready(CloudRunConditionTypes.ConfigurationsReady)],
            labels);
    }

    public static CloudRunCondition Ready(string type) => new(type, CloudRunConditionStates.Succeeded);
}
