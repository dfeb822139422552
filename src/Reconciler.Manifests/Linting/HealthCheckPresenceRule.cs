using Reconciler.Core.CloudRun;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>
/// RC1004 / RC1005. Without a health check the rollout gate only sees "running", not "serving": seed 004's tasks
/// looked up while the app was broken, and seed 001's Cloud Run revision needed startup and liveness probes.
/// </summary>
internal sealed class HealthCheckPresenceRule : ILintRule
{
    public void Check(ResourceManifest manifest, Findings findings)
    {
        foreach (var (container, path) in LintTargets.EcsContainers(manifest).Where(t => t.Container.Essential != false && t.Container.HealthCheck is null))
        {
            findings.Warning(DiagnosticCodes.NoHealthCheck,
                $"essential container '{container.Name}' has no healthCheck, so a task that runs but does not serve counts as healthy; add a healthCheck with a startPeriod", path);
        }
        foreach (var (container, path) in LintTargets.CloudRunContainers(manifest).Where(t => t.Container.StartupProbe is null))
        {
            findings.Warning(DiagnosticCodes.NoStartupProbe,
                $"container {(container.Name is { } name ? $"'{name}'" : path)} has no startupProbe, so traffic may reach it before it is ready; add startupProbe: {{httpGet: {{path: /health}}}}", path);
        }
        if (manifest is CloudRunServiceManifest { Spec.Image: not null })
        {
            findings.Warning(DiagnosticCodes.NoStartupProbe,
                "the 'image:' shorthand cannot carry a startupProbe; use 'containers:' with a startupProbe so traffic waits until the app is ready", "spec.image");
        }
    }
}
