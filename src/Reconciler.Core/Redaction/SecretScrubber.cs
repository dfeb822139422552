using Reconciler.Core.Diffing;

namespace Reconciler.Core.Redaction;

/// <summary>
/// Removes a resource's sensitive values (<see cref="Model.ResourceManifest.SensitiveValues"/>) from text that came
/// back from a cloud: ECS and Cloud Run validation errors quote what they were sent ("Invalid value '…' for
/// environment …"), so an error message is scrubbed before it reaches a log line, <c>/status</c> or the CLI.
/// Each occurrence becomes <see cref="FieldChange.Masked"/> of the value, the same short hash diffs show, so a person can
/// still tell which value the cloud complained about. Values shorter than <see cref="MinLength"/> are left alone:
/// replacing every "1" or "true" would make messages unreadable and hides nothing.
/// </summary>
public static class SecretScrubber
{
    public const int MinLength = 6;

    public static string Scrub(string text, IEnumerable<string> sensitiveValues)
    {
        // Longest first, so a value that contains another is replaced whole.
        foreach (var value in sensitiveValues.Where(v => v.Length >= MinLength).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length))
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, FieldChange.Masked(value), StringComparison.Ordinal);
            }
        }
        return text;
    }
}
