using Reconciler.Core.CloudRun;
using Reconciler.Core.Model;

namespace Reconciler.Platforms.CloudRun.Tests.Support;

/// <summary>Seed 001's service (manifests/examples/emergence-app.yaml) as a resolved manifest: startup probe budget 5 + 5 × 12 = 65 s.</summary>
internal static class Seed001
{
    public const string Image = "europe-west1-docker.pkg.dev/emergence-469005/app/emergence-app:v2025.10.11";

    public static CloudRunServiceManifest Manifest(string image = Image, string name = "emergence-app", IReadOnlyList<CloudRunTrafficTarget>? traffic = null) => new(
        new ManifestMetadata(name, new Dictionary<string, string> { ["app"] = "emergence" }),
        new SourceLocation("manifests/examples/emergence-app.yaml", 5, 1),
        new CloudRunServiceSpec(
            "emergence-469005",
            "europe-west1",
            Containers:
            [
                new CloudRunContainerSpec(
                    Value.Of(image),
                    Name: "app",
                    Env: new Dictionary<string, Value> { ["AUTH_DEV_MODE"] = Value.Of("false") },
                    Secrets: new Dictionary<string, SecretRef> { ["DB_PASSWORD"] = new SecretRef.SecretManagerSecret("db-password", "latest") },
                    Ports: [new CloudRunPort(8080)],
                    Resources: new CloudRunResources("1", "1Gi"),
                    StartupProbe: new CloudRunProbe(new CloudRunHttpGet("/health/readiness", 8080), InitialDelay: TimeSpan.FromSeconds(5),
                        Period: TimeSpan.FromSeconds(5), Timeout: TimeSpan.FromSeconds(3), FailureThreshold: 12),
                    LivenessProbe: new CloudRunProbe(new CloudRunHttpGet("/health/liveness", 8080), Period: TimeSpan.FromSeconds(30),
                        Timeout: TimeSpan.FromSeconds(5), FailureThreshold: 3)),
            ],
            Scaling: new CloudRunScaling(1, 10),
            Ingress: "all",
            Traffic: traffic ?? [new CloudRunTrafficTarget(100, Latest: true)],
            Rollback: new RollbackSpec(true)));
}
