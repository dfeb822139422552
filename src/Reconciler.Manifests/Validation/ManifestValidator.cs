using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Binding;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation;

/// <summary>Rules on the bound records that YAML typing cannot express; every violation is an error.</summary>
public static class ManifestValidator
{
    private const int MaxCloudRunName = 49;

    public static IReadOnlyList<Diagnostic> Validate(ResourceManifest manifest, FieldLocations locations)
    {
        var findings = new Findings(locations);
        if (!Names.DnsLabel().IsMatch(manifest.Metadata.Name))
        {
            findings.Error(DiagnosticCodes.InvalidName,
                $"name '{manifest.Metadata.Name}' must be a DNS label: lower-case letters, digits and '-', starting with a letter, at most 63 characters",
                "metadata.name");
        }
        if (manifest is CloudRunServiceManifest && manifest.Metadata.Name.Length > MaxCloudRunName)
        {
            findings.Error(DiagnosticCodes.InvalidName, $"a Cloud Run service name has at most {MaxCloudRunName} characters; shorten '{manifest.Metadata.Name}'", "metadata.name");
        }
        switch (manifest)
        {
            case EcsServiceManifest ecs:
                EcsServiceValidator.Validate(ecs.Spec, findings);
                VerifyValidator.Validate(ecs.Spec.Verify, findings);
                break;
            case CloudRunServiceManifest cloudRun:
                CloudRunServiceValidator.Validate(cloudRun.Metadata.Name, cloudRun.Spec, findings);
                VerifyValidator.Validate(cloudRun.Spec.Verify, findings);
                break;
        }
        return findings.Items;
    }

    /// <summary>An image: an SSM reference is checked for its path here and for the grammar after resolution.</summary>
    internal static void Image(Value? image, string path, Findings findings)
    {
        Reference(image, path, findings);
        if (image is Value.Literal { Text: var text } && ImageReference.Problem(text) is { } problem)
        {
            findings.Error(DiagnosticCodes.InvalidImage, problem, path);
        }
    }

    internal static void Reference(Value? value, string path, Findings findings)
    {
        if (value is Value.Ssm ssm && !ssm.Path.StartsWith('/'))
        {
            findings.Error(DiagnosticCodes.InvalidReference, $"an SSM parameter path starts with '/', e.g. /app/prod/{ssm.Path}", path + ".ssm");
        }
    }
}
