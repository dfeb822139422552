using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Tags;

/// <summary>An ECS tag (lower-case <c>key</c>/<c>value</c> on the wire).</summary>
internal sealed record Tag(string Key, string Value)
{
    public JsonObject ToJson() => new() { ["key"] = Key, ["value"] = Value };

    public static List<Tag> ParseList(JsonArray? tags)
    {
        var list = new List<Tag>();
        foreach (var item in tags?.OfType<JsonObject>() ?? [])
        {
            var key = item.Str("key") ?? throw AwsException.Ecs("Tag keys must be non-empty strings.");
            list.Add(new Tag(key, item.Str("value") ?? ""));
        }
        return list;
    }

    /// <summary>Adds or overwrites tags by key, keeping the order of first appearance.</summary>
    public static void Merge(List<Tag> into, IEnumerable<Tag> tags)
    {
        foreach (var tag in tags)
        {
            var index = into.FindIndex(t => t.Key == tag.Key);
            if (index >= 0)
            {
                into[index] = tag;
            }
            else
            {
                into.Add(tag);
            }
        }
    }

    public static JsonArray ToJsonArray(IEnumerable<Tag> tags) => tags.Select(t => (JsonNode)t.ToJson()).ToJsonArray();
}
