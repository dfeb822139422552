using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>
/// RC1001. Seed 000: task definitions 12–14 of plan-charge-prod-backend ran with <c>startPeriod: 0</c>; ECS health-checked
/// the app before it had booted, killed every task, and the rollout failed until startPeriod went back to 60.
/// </summary>
internal sealed class StartPeriodRule : ILintRule
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(30);

    public void Check(ResourceManifest manifest, Findings findings)
    {
        foreach (var (container, path) in LintTargets.EcsContainers(manifest))
        {
            if (container.PortMappings is not { Count: > 0 } || container.HealthCheck is not { } check || check.StartPeriod >= Minimum)
            {
                continue;
            }
            var now = check.StartPeriod is { } period ? $"is {Binding.Durations.Format(period)}" : "is not set (ECS uses 0s)";
            findings.Warning(DiagnosticCodes.StartPeriodTooShort,
                $"healthCheck.startPeriod of container '{container.Name}' {now}: ECS will count failed checks while the app is still booting " +
                "and replace the tasks; set startPeriod to at least 30s (60s for slow starters)", path + ".healthCheck.startPeriod");
        }
    }
}
