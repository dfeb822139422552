using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Wire;

/// <summary>Typed reads of request members; a member of the wrong type is treated as absent.</summary>
internal static class JsonArgs
{
    public static string? Str(this JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static string RequiredStr(this JsonObject body, string name, string errorType) =>
        body.Str(name) is { Length: > 0 } s ? s : throw new AwsException(errorType, $"{name} is required and must be a non-empty string.");

    public static int? Int(this JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;

    public static bool? Bool(this JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static JsonObject? Obj(this JsonObject body, string name) => body[name] as JsonObject;

    public static JsonArray? Arr(this JsonObject body, string name) => body[name] as JsonArray;

    public static IReadOnlyList<string> Strings(this JsonObject body, string name) =>
        body.Arr(name)?.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String)
            .Select(v => v.GetValue<string>()).ToList() ?? [];

    public static JsonArray ToJsonArray(this IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray ToJsonArray(this IEnumerable<JsonNode> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    /// <summary>AWS JSON 1.1 timestamps are epoch seconds as a number.</summary>
    public static JsonValue Epoch(DateTimeOffset time) => JsonValue.Create(Math.Round(time.ToUnixTimeMilliseconds() / 1000.0, 3));
}
