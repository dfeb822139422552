using System.Text.Json.Nodes;

namespace Reconciler.Core.Fingerprints;

/// <summary>
/// A JSON object under construction whose keys are sorted (ordinal) and whose null members are left out,
/// so two specs that mean the same thing serialize to the same bytes.
/// </summary>
internal sealed class CanonicalObject
{
    private readonly SortedDictionary<string, JsonNode> _fields = new(StringComparer.Ordinal);

    public CanonicalObject Add(string key, string? value) => Put(key, value is null ? null : JsonValue.Create(value));

    public CanonicalObject Add(string key, int? value) => Put(key, value is null ? null : JsonValue.Create(value.Value));

    public CanonicalObject Add(string key, bool? value) => Put(key, value is null ? null : JsonValue.Create(value.Value));

    public CanonicalObject Add(string key, CanonicalObject? value) => Put(key, value?.ToNode());

    /// <summary>Durations are whole seconds on the ECS wire; sub-second parts cannot matter.</summary>
    public CanonicalObject AddSeconds(string key, TimeSpan? value) =>
        Put(key, value is null ? null : JsonValue.Create((long)value.Value.TotalSeconds));

    /// <summary>An order-significant list (command, entryPoint, args).</summary>
    public CanonicalObject AddOrdered(string key, IEnumerable<string>? items) =>
        Put(key, items is null ? null : new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()));

    /// <summary>A list the API treats as a set (requiresCompatibilities, subnets): sorted so order cannot matter.</summary>
    public CanonicalObject AddSet(string key, IEnumerable<string>? items) =>
        AddOrdered(key, items?.Order(StringComparer.Ordinal));

    public CanonicalObject AddObjects(string key, IEnumerable<CanonicalObject>? items) =>
        Put(key, items is null ? null : new JsonArray(items.Select(i => (JsonNode?)i.ToNode()).ToArray()));

    /// <summary>A map; keys come out sorted because every object is.</summary>
    public CanonicalObject AddMap(string key, IEnumerable<KeyValuePair<string, string>>? map)
    {
        if (map is null)
        {
            return this;
        }
        var obj = new CanonicalObject();
        foreach (var (k, v) in map)
        {
            obj.Add(k, v);
        }
        return Add(key, obj);
    }

    public JsonObject ToNode() => new(_fields.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value.DeepClone())));

    public string ToJson() => ToNode().ToJsonString();

    private CanonicalObject Put(string key, JsonNode? node)
    {
        if (node is not null)
        {
            _fields[key] = node;
        }
        return this;
    }
}
