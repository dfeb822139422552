using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Run;

/// <summary>
/// Decides what a written template means: null = unchanged (no revision); an existing revision with the same
/// template under the requested name = adopted; otherwise a new revision, named as requested
/// (<c>{service}-…</c>, ≤ 63 characters) or <c>{service}-{00001}-{xyz}</c>.
/// </summary>
internal static partial class RunRevisions
{
    public sealed record Resolution(RunRevisionRecord Revision, bool IsNew);

    public static Resolution? Resolve(RunWorld world, RunServiceRecord s, JsonObject template, DateTimeOffset now)
    {
        var requested = template.Str("revision");
        if (s.LatestCreated is { } current && Same(current.Template, template) && (requested is null || requested == current.ShortName))
        {
            return null;
        }
        if (requested is not null)
        {
            if (!requested.StartsWith(s.ShortName + "-", StringComparison.Ordinal) || requested.Length > 63 || !RevisionName().IsMatch(requested))
            {
                throw RunException.InvalidArgument($"template.revision '{requested}' must start with '{s.ShortName}-', use lowercase letters, digits and hyphens and be at most 63 characters.");
            }
            if (s.Revision(requested) is { } existing)
            {
                return Same(existing.Template, template)
                    ? new Resolution(existing, IsNew: false)
                    : throw new RunException(409, "ALREADY_EXISTS", $"Revision named '{requested}' with different configuration already exists.");
            }
        }
        var name = requested ?? $"{s.ShortName}-{s.Revisions.Count + 1:00000}-{world.Ids.Guid()[..3]}";
        var stored = (JsonObject)template.DeepClone();
        stored["revision"] = name;
        var record = new RunRevisionRecord($"{s.Name}/revisions/{name}", name, world.Ids.Guid(), stored, s.Generation + 1, now,
            RunReadiness.Plan(stored, world.Rules, now));
        return new Resolution(record, IsNew: true);
    }

    /// <summary>Templates compare without their revision name (the name alone does not make a new configuration).</summary>
    private static bool Same(JsonObject a, JsonObject b) => Canonical(a) == Canonical(b);

    private static string Canonical(JsonObject template)
    {
        var copy = (JsonObject)template.DeepClone();
        copy.Remove("revision");
        return Sorted(copy)!.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, Sorted(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex RevisionName();
}
