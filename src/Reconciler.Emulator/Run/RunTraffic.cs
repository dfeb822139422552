using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Run;

/// <summary>
/// Declared traffic as stored: empty = 100 % to the latest ready revision; percents add up to 100; a revision
/// target must name an existing revision (or the one this write creates).
/// </summary>
internal static class RunTraffic
{
    public static JsonArray Normalize(JsonArray? traffic, RunServiceRecord s, RunRevisions.Resolution? created)
    {
        var targets = traffic?.OfType<JsonObject>().Select(t => (JsonObject)t.DeepClone()).ToList() ?? [];
        if (targets.Count == 0)
        {
            return [new JsonObject { ["type"] = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", ["percent"] = 100 }];
        }
        foreach (var t in targets)
        {
            var type = t.Str("type") ?? (t.Str("revision") is null ? "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" : "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION");
            t["type"] = type;
            if (t.Int("percent") is not (null or (>= 0 and <= 100)))
            {
                throw RunException.InvalidArgument($"traffic percent must be between 0 and 100, got {t.Int("percent")}.");
            }
            if (type == "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION")
            {
                var name = t.Str("revision") ?? throw RunException.InvalidArgument("a traffic target of type REVISION needs a revision.");
                if (s.Revision(name) is null && created?.Revision.ShortName != name)
                {
                    throw RunException.InvalidArgument($"Revision '{name}' does not exist or is deleted.");
                }
            }
        }
        var sum = targets.Sum(t => t.Int("percent") ?? 0);
        return sum == 100
            ? new JsonArray(targets.Select(t => (JsonNode?)t).ToArray())
            : throw RunException.InvalidArgument($"The traffic percents add up to {sum}; they must add up to 100.");
    }
}
