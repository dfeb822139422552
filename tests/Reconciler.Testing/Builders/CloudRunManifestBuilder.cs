using Reconciler.Core.CloudRun;
using Reconciler.Core.Model;

namespace Reconciler.Testing.Builders;

/// <summary>A realistic, resolved CloudRunService manifest (one container via the <c>image:</c> shorthand, or explicit).</summary>
public static class CloudRunManifestBuilder
{
    public const string Image = "europe-west1-docker.pkg.dev/demo/app/web:1.0.0";

    public static CloudRunContainerSpec Container(string image = Image) => new(
        Value.Of(image),
        Env: new Dictionary<string, Value> { ["LOG_LEVEL"] = Value.Of("info") },
        Secrets: new Dictionary<string, SecretRef> { ["DB_PASSWORD"] = new SecretRef.SecretManagerSecret("db-password", "latest") },
        Ports: [new CloudRunPort(8080)],
        Resources: new CloudRunResources("1", "512Mi"),
        StartupProbe: new CloudRunProbe(HttpGet: new CloudRunHttpGet("/health"), Period: TimeSpan.FromSeconds(10)));

    public static CloudRunServiceSpec Spec(string image = Image) => new(
        "demo",
        "europe-west1",
        Containers: [Container(image)],
        Scaling: new CloudRunScaling(0, 10),
        ServiceAccount: "web@demo.iam.gserviceaccount.com",
        Ingress: "INGRESS_TRAFFIC_ALL",
        Traffic: [new CloudRunTrafficTarget(100, Latest: true)],
        Labels: new Dictionary<string, string> { ["team"] = "web" });

    public static CloudRunServiceManifest Manifest(CloudRunServiceSpec? spec = null, string name = "web") =>
        new(new ManifestMetadata(name), new SourceLocation("manifests/web.yaml", 1, 1), spec ?? Spec());
}
