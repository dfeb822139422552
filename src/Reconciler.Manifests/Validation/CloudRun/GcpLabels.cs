using System.Text.RegularExpressions;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation.CloudRun;

/// <summary>
/// RC0044: Google Cloud labels (cloud.google.com/resource-manager/docs/labels-overview): at most 64; keys start with
/// a lower-case letter; keys and values up to 63 lower-case letters, digits, '_' and '-'. Keys in Google's own
/// namespaces (run.googleapis.com/...) cannot pass this shape, so they are refused too.
/// </summary>
internal static partial class GcpLabels
{
    public const int MaxLabels = 64;

    public static void Validate(IReadOnlyDictionary<string, string>? labels, string path, Findings findings)
    {
        if (labels is null)
        {
            return;
        }
        if (labels.Count > MaxLabels)
        {
            findings.Error(DiagnosticCodes.InvalidLabel, $"{labels.Count} labels is too many; Google Cloud allows at most {MaxLabels}", path);
        }
        foreach (var (key, value) in labels)
        {
            if (!Key().IsMatch(key))
            {
                findings.Error(DiagnosticCodes.InvalidLabel,
                    $"label key '{key}' must start with a lower-case letter and have at most 63 lower-case letters, digits, '_' and '-' (no '.' or '/')", $"{path}.{key}");
            }
            else if (!Value().IsMatch(value))
            {
                findings.Error(DiagnosticCodes.InvalidLabel,
                    $"the value of label '{key}' may have at most 63 lower-case letters, digits, '_' and '-'", $"{path}.{key}");
            }
        }
    }

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$")]
    private static partial Regex Key();

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$")]
    private static partial Regex Value();
}
