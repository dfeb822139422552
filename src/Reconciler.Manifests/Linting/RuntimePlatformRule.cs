using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>
/// RC1006. Seed 004: an image built on Apple Silicon (arm64) ran on amd64 Fargate and failed with
/// "exec format error". Declaring the architecture makes the mismatch visible in the manifest.
/// </summary>
internal sealed class RuntimePlatformRule : ILintRule
{
    public void Check(ResourceManifest manifest, Findings findings)
    {
        if (manifest is EcsServiceManifest { Spec.TaskDefinition.RuntimePlatform.CpuArchitecture: null } or EcsServiceManifest { Spec.TaskDefinition.RuntimePlatform: null })
        {
            findings.Warning(DiagnosticCodes.NoRuntimePlatform,
                "taskDefinition.runtimePlatform.cpuArchitecture is not set; set it to X86_64 or ARM64 to match how the image was built " +
                "(an arm64 image on an amd64 task fails with 'exec format error')", "spec.taskDefinition");
        }
    }
}
