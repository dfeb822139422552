using System.Text.Json.Nodes;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>Small JSON helpers for the conformance checks.</summary>
public static class JsonPaths
{
    /// <summary>True when some route through <paramref name="root"/> reaches a non-null value at a walker leaf path.</summary>
    public static bool Covers(JsonNode? root, string leafPath) => Reaches(root, Segments(leafPath), 0);

    /// <summary>Every difference where <paramref name="actual"/> has a value <paramref name="expected"/> lacks or disagrees with.</summary>
    public static IEnumerable<string> NotContainedIn(JsonNode? actual, JsonNode? expected, string path = "$")
    {
        switch (actual)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var other = expected is JsonObject e && e.TryGetPropertyValue(name, out var v) ? v : null;
                    foreach (var problem in other is null ? [$"{path}.{name}: not in the sample"] : NotContainedIn(value, other, $"{path}.{name}"))
                    {
                        yield return problem;
                    }
                }
                break;
            case JsonArray array when expected is JsonArray expectedArray && expectedArray.Count == array.Count:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var problem in NotContainedIn(array[i], expectedArray[i], $"{path}[{i}]"))
                    {
                        yield return problem;
                    }
                }
                break;
            case JsonValue value when SameScalar(value, expected):
                break;
            default:
                yield return $"{path}: {actual?.ToJsonString()} differs from the sample's {expected?.ToJsonString()}";
                break;
        }
    }

    private static bool SameScalar(JsonValue value, JsonNode? expected) =>
        expected is JsonValue other && (value.GetValueKind(), other.GetValueKind()) switch
        {
            (System.Text.Json.JsonValueKind.Number, System.Text.Json.JsonValueKind.Number) => value.GetValue<decimal>() == other.GetValue<decimal>(),
            _ => value.ToJsonString() == other.ToJsonString(),
        };

    private static string[] Segments(string leafPath) =>
        leafPath.TrimStart('$').Replace("[]", ".[]").Replace("{}", ".{}").Split('.', StringSplitOptions.RemoveEmptyEntries);

    private static bool Reaches(JsonNode? node, string[] segments, int index)
    {
        if (node is null)
        {
            return false;
        }
        if (index == segments.Length)
        {
            return true;
        }
        return segments[index] switch
        {
            "[]" => node is JsonArray array && array.Any(item => Reaches(item, segments, index + 1)),
            "{}" => node is JsonObject map && map.Any(entry => Reaches(entry.Value, segments, index + 1)),
            var name => node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) && Reaches(child, segments, index + 1),
        };
    }
}
