using System.Text.RegularExpressions;
using Reconciler.Core.CloudRun;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation.CloudRun;

namespace Reconciler.Manifests.Validation;

/// <summary>Value rules for <c>kind: CloudRunService</c>.</summary>
internal static partial class CloudRunServiceValidator
{
    public static void Validate(string service, CloudRunServiceSpec spec, Findings findings)
    {
        if (!ProjectId().IsMatch(spec.Project))
        {
            findings.Error(DiagnosticCodes.InvalidName, $"'{spec.Project}' is not a GCP project id: 6 to 30 lower-case letters, digits and '-', starting with a letter and not ending with '-' (e.g. my-project-123)", "spec.project");
        }
        if (!Names.GcpRegion().IsMatch(spec.Region))
        {
            findings.Error(DiagnosticCodes.InvalidName, $"'{spec.Region}' is not a GCP region; write it like europe-west1", "spec.region");
        }
        if ((spec.Image is null) == (spec.Containers is null))
        {
            findings.Error(DiagnosticCodes.ImageXorContainers, "give either 'image' (one container) or 'containers', not both and not neither", "spec");
        }
        ManifestValidator.Image(spec.Image, "spec.image", findings);
        if (spec.Containers is { Count: 0 })
        {
            findings.Error(DiagnosticCodes.MissingField, "containers needs at least one container", "spec.containers");
        }
        CloudRunContainerValidator.Validate(spec.Containers ?? [], findings);
        findings.Choice(spec.Ingress, ["all", "internal", "internal-and-cloud-load-balancing"], "spec.ingress");
        ValidateScaling(spec.Scaling, findings);
        CloudRunTrafficValidator.Validate(service, spec.Traffic, findings);
        GcpLabels.Validate(spec.Labels, "spec.labels", findings);
    }

    private static void ValidateScaling(CloudRunScaling? scaling, Findings findings)
    {
        findings.Range(scaling?.MinInstances, 0, 1000, "spec.scaling.minInstances", "minInstances");
        findings.Range(scaling?.MaxInstances, 1, 1000, "spec.scaling.maxInstances", "maxInstances");
        if (scaling is { MinInstances: { } min, MaxInstances: { } max } && min > max)
        {
            findings.Error(DiagnosticCodes.OutOfRange, $"minInstances ({min}) is more than maxInstances ({max})", "spec.scaling.minInstances");
        }
    }

    [GeneratedRegex("^[a-z][-a-z0-9]{4,28}[a-z0-9]$")]
    private static partial Regex ProjectId();
}
