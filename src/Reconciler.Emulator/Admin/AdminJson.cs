using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Admin;

/// <summary>JSON forms of the admin API's fault options and image rules.</summary>
internal static class AdminJson
{
    public static FaultOptions ParseFaults(JsonObject body, FaultOptions current) => current with
    {
        ThrottleRate = Number(body, "throttleRate") ?? current.ThrottleRate,
        ErrorRate = Number(body, "errorRate") ?? current.ErrorRate,
        DropRate = Number(body, "dropRate") ?? current.DropRate,
        LatencyMs = body.Int("latencyMs") ?? current.LatencyMs,
        LatencyRate = Number(body, "latencyRate") ?? current.LatencyRate,
        Operations = body.ContainsKey("operations") ? body.Strings("operations").ToHashSet() : current.Operations,
    };

    public static JsonObject ToJson(FaultOptions faults) => new()
    {
        ["throttleRate"] = faults.ThrottleRate,
        ["errorRate"] = faults.ErrorRate,
        ["dropRate"] = faults.DropRate,
        ["latencyMs"] = faults.LatencyMs,
        ["latencyRate"] = faults.LatencyRate,
        ["operations"] = (faults.Operations ?? new HashSet<string>()).Order().ToJsonArray(),
    };

    public static List<ImageRule> ParseRules(JsonObject body)
    {
        var rules = new List<ImageRule>();
        foreach (var (item, index) in (body.Arr("rules") ?? []).Select((r, i) => (r as JsonObject, i)))
        {
            if (item is null)
            {
                throw new ArgumentException($"rules[{index}] must be an object");
            }
            var kind = item.Str("behaviour") ?? item.Str("behavior") ?? "";
            if (!Enum.TryParse<BehaviourKind>(kind, ignoreCase: true, out var parsed))
            {
                throw new ArgumentException($"rules[{index}].behaviour must be one of healthy, unhealthy, crash (got '{kind}')");
            }
            var behaviour = new ContainerBehaviour(parsed, item.Int("readySeconds") ?? ContainerBehaviour.DefaultReadySeconds);
            rules.Add(new ImageRule(behaviour, item.Str("image"), item.Str("suffix"), item.Str("pattern")));
        }
        return rules;
    }

    public static JsonObject ToJson(IEnumerable<ImageRule> rules) => new()
    {
        ["rules"] = rules.Select(r => (JsonNode)new JsonObject
        {
            ["image"] = r.Image,
            ["suffix"] = r.Suffix,
            ["pattern"] = r.Pattern,
            ["behaviour"] = r.Behaviour.Kind.ToString().ToLowerInvariant(),
            ["readySeconds"] = r.Behaviour.ReadySeconds,
        }).ToJsonArray(),
    };

    private static double? Number(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;
}
