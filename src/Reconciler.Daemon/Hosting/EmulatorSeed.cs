using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Emulator.Hosting;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// What the embedded demo creates so the examples can converge on an empty emulator: the clusters the manifests
/// name (real ECS expects them to exist) and, for <c>secrets: {ssmParameter: ...}</c>, a placeholder SecureString.
/// Only ever used with --emulator.
/// </summary>
internal static class EmulatorSeed
{
    public static void Seed(EmulatorControl emulator, IReadOnlyList<ResourceManifest> manifests)
    {
        foreach (var ecs in manifests.OfType<EcsServiceManifest>())
        {
            emulator.CreateCluster(ecs.Spec.Cluster, ecs.Spec.Region);
            var paths = ecs.Spec.TaskDefinition.Containers
                .SelectMany(c => c.Secrets?.Values ?? [])
                .OfType<SecretRef.SsmParameter>()
                .Select(p => p.Path);
            foreach (var path in paths.Where(p => !p.StartsWith("arn:", StringComparison.Ordinal) && !emulator.HasParameter(p, ecs.Spec.Region)))
            {
                emulator.PutParameter(path, "SecureString", "emulator-placeholder", ecs.Spec.Region);
            }
        }
    }
}
