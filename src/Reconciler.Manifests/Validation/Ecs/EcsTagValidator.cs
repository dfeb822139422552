using System.Text.RegularExpressions;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>
/// <c>spec.tags</c>: the ECS limits (RC0037: count, key 1-128, value 0-256, the model's character pattern, no
/// <c>aws:</c> prefix) and Reconciler's own namespace (RC0038: a manifest must never forge the daemon's state tags,
/// such as the last known-good task definition).
/// </summary>
internal static partial class EcsTagValidator
{
    public static void Validate(IReadOnlyDictionary<string, string>? tags, Findings findings)
    {
        if (tags is null)
        {
            return;
        }
        if (tags.Count > ReconcilerTags.MaxManifestTags)
        {
            findings.Error(DiagnosticCodes.InvalidTag,
                $"{tags.Count} tags is too many: ECS allows {EcsLimits.MaxTags} per resource and Reconciler writes {ReconcilerTags.Keys.Count} of its own, " +
                $"so a manifest may give at most {ReconcilerTags.MaxManifestTags}", "spec.tags");
        }
        foreach (var (key, value) in tags)
        {
            Tag(key, value, $"spec.tags.{key}", findings);
        }
    }

    private static void Tag(string key, string value, string path, Findings findings)
    {
        if (key.StartsWith(ReconcilerTags.Namespace, StringComparison.OrdinalIgnoreCase))
        {
            findings.Error(DiagnosticCodes.ReservedTagKey,
                $"tag keys under '{ReconcilerTags.Namespace}' are Reconciler's own state (last known-good, fingerprints, pins) and cannot be set by a manifest; rename '{key}'", path);
            return;
        }
        var problem =
            key.Length is 0 or > EcsLimits.MaxTagKeyLength ? $"a tag key has 1 to {EcsLimits.MaxTagKeyLength} characters; '{Short(key)}' has {key.Length}"
            : value.Length > EcsLimits.MaxTagValueLength ? $"a tag value has at most {EcsLimits.MaxTagValueLength} characters; the value of '{Short(key)}' has {value.Length}"
            : key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)
                ? $"the prefix 'aws:' is reserved for AWS in tag keys and values; rename '{Short(key)}'"
            : !Allowed().IsMatch(key) || !Allowed().IsMatch(value)
                ? $"tag '{Short(key)}' uses a character ECS refuses; keys and values take letters, digits, spaces and + - = . _ : / @"
            : null;
        if (problem is not null)
        {
            findings.Error(DiagnosticCodes.InvalidTag, problem, path);
        }
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex("^" + EcsLimits.TagPattern + "$")]
    private static partial Regex Allowed();
}
