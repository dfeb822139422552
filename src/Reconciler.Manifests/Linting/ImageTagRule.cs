using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Validation;

namespace Reconciler.Manifests.Linting;

/// <summary>
/// RC1003. Seeds 000 and 004: services ran <c>:latest</c>, so "the working image" could not be named, rebuilt or rolled
/// back to, and a push silently changed what a restart would run. A version tag (plus digest) makes desired state exact.
/// </summary>
internal sealed class ImageTagRule : ILintRule
{
    public void Check(ResourceManifest manifest, Findings findings)
    {
        foreach (var (image, path) in LintTargets.Images(manifest))
        {
            if (image is not Value.Literal { Text: var text } || text.Contains("@sha256:"))
            {
                continue;
            }
            var tag = TagOf(text);
            if (tag is null or "latest")
            {
                var what = tag is null ? "has no tag (so it means :latest)" : "uses the tag 'latest'";
                findings.Warning(DiagnosticCodes.ImageNotPinned,
                    $"image '{text}' {what}; what runs then changes with every push and cannot be rolled back to — pin a version tag, ideally with its digest (repo:v1.4.2@sha256:...)", path);
            }
        }
    }

    /// <summary>The tag after the last ':' that follows the last '/' (a ':' before it is a registry port).</summary>
    internal static string? TagOf(string image)
    {
        var name = image[(image.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return colon < 0 ? null : name[(colon + 1)..];
    }
}
