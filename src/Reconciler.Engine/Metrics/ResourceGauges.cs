using System.Diagnostics.Metrics;
using Reconciler.Core.Health;
using Reconciler.Engine.Status;

namespace Reconciler.Engine.Metrics;

/// <summary>
/// Per-resource gauges read from the status store at scrape time (Argo CD's <c>argocd_app_info</c> shape): one info
/// series with the sync and health status as labels, and 0/1 series an alert can compare directly. A status that
/// changes leaves no stale series: observable gauges report only what the callback returns now.
/// </summary>
internal static class ResourceGauges
{
    public static void Register(Meter meter, StatusStore status)
    {
        meter.CreateObservableGauge("reconciler_resource_info", () => status.All().Select(r => new Measurement<int>(1,
                Kind(r), Name(r), new("sync_status", r.Sync.ToString()), new("health_status", r.Health.ToString()))),
            description: "1 per resource, labelled with its sync and health status.");
        meter.CreateObservableGauge("reconciler_resource_synced", () => Flag(status, r => r.Sync == SyncStatus.Synced),
            description: "1 when the resource matches git (Synced), else 0.");
        meter.CreateObservableGauge("reconciler_resource_healthy", () => Flag(status, r => r.Health == HealthStatus.Healthy),
            description: "1 when the resource is Healthy, else 0.");
        meter.CreateObservableGauge("reconciler_resource_suspended", () => Flag(status, r => r.Health == HealthStatus.Suspended),
            description: "1 when reconciliation of the resource is suspended by spec.syncPolicy.suspend, else 0.");
    }

    private static IEnumerable<Measurement<int>> Flag(StatusStore status, Func<ResourceStatus, bool> test) =>
        status.All().Select(r => new Measurement<int>(test(r) ? 1 : 0, Kind(r), Name(r)));

    private static KeyValuePair<string, object?> Kind(ResourceStatus r) => new("kind", r.Kind);

    private static KeyValuePair<string, object?> Name(ResourceStatus r) => new("name", r.Name);
}
