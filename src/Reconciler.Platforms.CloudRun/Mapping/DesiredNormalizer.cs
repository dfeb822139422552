using Reconciler.Core.CloudRun;
using Reconciler.Core.Model;
using Reconciler.Core.Seams;

namespace Reconciler.Platforms.CloudRun.Mapping;

/// <summary>
/// The manifest as the Cloud Run platform diffs and writes it: the <c>image:</c> shorthand expanded, ingress in the
/// manifest spelling, quantities canonical (the observed side gets the same treatment). Values must be literals and
/// secrets Secret Manager references: anything else is a manifest error naming the file and the field.
/// </summary>
internal static class DesiredNormalizer
{
    public static CloudRunServiceManifest Normalize(CloudRunServiceManifest manifest)
    {
        var spec = manifest.Spec;
        var containers = spec.EffectiveContainers.Select((c, i) => Container(manifest, c, i)).ToArray();
        return manifest with
        {
            Spec = spec with { Image = null, Containers = containers, Ingress = IngressNames.ToManifest(spec.Ingress) },
        };
    }

    private static CloudRunContainerSpec Container(CloudRunServiceManifest m, CloudRunContainerSpec c, int index)
    {
        var path = $"spec.containers[{index}]";
        Literal(m, c.Image, $"{path}.image");
        foreach (var (name, value) in c.Env ?? new Dictionary<string, Value>())
        {
            Literal(m, value, $"{path}.env.{name}");
        }
        foreach (var (name, secret) in c.Secrets ?? new Dictionary<string, SecretRef>())
        {
            if (secret is not SecretRef.SecretManagerSecret)
            {
                throw new PlatformException(
                    $"{m.Source}: {path}.secrets.{name} is not a Secret Manager reference; Cloud Run reads secrets only from " +
                    "Secret Manager: write it as {secret: NAME, version: latest}", retryable: false);
            }
        }
        return c with
        {
            Resources = c.Resources is { } r ? new CloudRunResources(Quantities.Cpu(r.Cpu), Quantities.Memory(r.Memory)) : null,
        };
    }

    private static void Literal(CloudRunServiceManifest m, Value value, string field)
    {
        if (value is not Value.Literal)
        {
            throw new PlatformException(
                $"{m.Source}: {field} is {value}, an SSM reference, which Cloud Run cannot resolve; write the value literally", retryable: false);
        }
    }
}
