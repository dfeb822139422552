using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>
/// RC1009. <c>spec.verify</c> is parsed and validated, but this build does not run the checks yet (issue 12): say so
/// where the author writes it, so nobody believes a rollout was gated on checks that never ran.
/// </summary>
internal sealed class VerifyNotEnforcedRule : ILintRule
{
    public void Check(ResourceManifest manifest, Findings findings)
    {
        var verify = manifest switch
        {
            EcsServiceManifest ecs => ecs.Spec.Verify,
            CloudRunServiceManifest run => run.Spec.Verify,
            _ => null,
        };
        if (verify is not null)
        {
            findings.Warning(DiagnosticCodes.VerifyNotEnforced,
                "spec.verify is validated but not yet enforced by this build: a rollout completes on the platform's own readiness " +
                "without running these checks; keep the checks in your pipeline until verification gates land", "spec.verify");
        }
    }
}
