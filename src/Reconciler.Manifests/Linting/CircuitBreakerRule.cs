using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>
/// RC1008. Automatic rollback relies on the rollout being seen to fail; with the ECS circuit breaker off a bad task
/// definition is relaunched over and over (seed 004's "task keeps restarting") until the progress deadline.
/// </summary>
internal sealed class CircuitBreakerRule : ILintRule
{
    public void Check(ResourceManifest manifest, Findings findings)
    {
        if (manifest is EcsServiceManifest { Spec: { Deployment.CircuitBreaker.Enable: false } spec } && (spec.Rollback?.AutomaticEnabled ?? true))
        {
            findings.Warning(DiagnosticCodes.CircuitBreakerOffWithRollback,
                "deployment.circuitBreaker is disabled while rollback.automatic is on, so a failing rollout keeps relaunching tasks until the deadline; " +
                "set deployment.circuitBreaker.enable: true (or rollback.automatic: false)", "spec.deployment.circuitBreaker.enable");
        }
    }
}
