using Reconciler.Manifests.Loading;

namespace Reconciler.Manifests.Tests;

/// <summary>Small valid manifests to start from, and a way to load YAML text as if it were a file.</summary>
internal static class ManifestYaml
{
    public const string Ecs = """
        apiVersion: reconciler/v1alpha1
        kind: EcsService
        metadata:
          name: web
        spec:
          region: eu-west-3
          cluster: prod
          desiredCount: 2
          taskDefinition:
            family: web
            runtimePlatform: {cpuArchitecture: X86_64}
            containers:
              - name: web
                image: repo/web:v1.0.0
                portMappings: [{containerPort: 8000}]
                healthCheck:
                  command: [CMD-SHELL, "python -c 'import urllib.request' || exit 1"]
                  startPeriod: 60s
        """ + "\n";

    public const string CloudRun = """
        apiVersion: reconciler/v1alpha1
        kind: CloudRunService
        metadata:
          name: app
        spec:
          project: my-project-1
          region: europe-west1
          containers:
            - image: repo/app:v1.0.0
              startupProbe:
                httpGet: {path: /health}
        """ + "\n";

    public static FileLoadResult Load(string yaml, ManifestLoaderOptions? options = null)
    {
        using var dir = new TempDir();
        var path = dir.Write("manifest.yaml", yaml);
        return new ManifestLoader(options ?? ManifestLoaderOptions.Default).LoadFile(path);
    }

    /// <summary>Replaces one exact line fragment of a template, failing loudly if the template changed.</summary>
    public static string With(this string yaml, string find, string replace)
    {
        Assert.That(yaml, Does.Contain(find), "test template changed");
        return yaml.Replace(find, replace);
    }

    /// <summary>The one error with this code: at this field, with a line, and the manifest dropped.</summary>
    public static Diagnostics.Diagnostic ErrorAt(FileLoadResult result, string code, string field)
    {
        var error = result.Diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.That(error, Is.Not.Null, string.Join("\n", result.Diagnostics));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Severity, Is.EqualTo(Diagnostics.Severity.Error));
            Assert.That(error.FieldPath, Is.EqualTo(field));
            Assert.That(error.Location.Line, Is.GreaterThan(0));
            Assert.That(result.Manifests, Is.Empty);
        });
        return error!;
    }
}
