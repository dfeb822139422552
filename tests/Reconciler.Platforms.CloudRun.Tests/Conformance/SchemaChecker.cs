using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>
/// Checks JSON against the discovery document's schemas: unknown members fail, int64 must be strings of digits,
/// int32 numbers, enums listed values, datetimes RFC 3339, durations "Ns". A request must not carry output-only
/// (readOnly) members. An Any (<c>metadata</c>, <c>response</c>) with <c>@type</c> Service is checked as a Service.
/// </summary>
internal sealed partial class SchemaChecker(DiscoveryDocument discovery, bool request)
{
    private const string ServiceType = "type.googleapis.com/google.cloud.run.v2.Service";
    private readonly List<string> _problems = [];

    public static IReadOnlyList<string> Check(DiscoveryDocument discovery, string schemaId, JsonNode? node, bool request)
    {
        var checker = new SchemaChecker(discovery, request);
        checker.Ref(schemaId, node, "$");
        return checker._problems;
    }

    private void Ref(string id, JsonNode? node, string path) => Value(discovery.Schema(id), node, path);

    private void Value(JsonObject schema, JsonNode? node, string path)
    {
        if (schema["$ref"]?.GetValue<string>() is { } id)
        {
            Ref(id, node, path);
            return;
        }
        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object":
                Object(schema, node, path);
                break;
            case "array":
                if (node is not JsonArray array)
                {
                    _problems.Add($"{path}: expected an array, got {Kind(node)}");
                    return;
                }
                for (var i = 0; i < array.Count; i++)
                {
                    Value(schema["items"]!.AsObject(), array[i], $"{path}[{i}]");
                }
                break;
            case "string":
                String(schema, node, path);
                break;
            case "integer":
                if (node is not JsonValue n || n.GetValueKind() != JsonValueKind.Number || !n.TryGetValue<long>(out _))
                {
                    _problems.Add($"{path}: expected an integer number ({schema["format"]}), got {Kind(node)}");
                }
                break;
            case "number":
                if (node is not JsonValue d || d.GetValueKind() != JsonValueKind.Number)
                {
                    _problems.Add($"{path}: expected a number, got {Kind(node)}");
                }
                break;
            case "boolean":
                if (node is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    _problems.Add($"{path}: expected a boolean, got {Kind(node)}");
                }
                break;
            case "any":
                break;
            default:
                _problems.Add($"{path}: schema has unknown type '{type}'");
                break;
        }
    }

    private void Object(JsonObject schema, JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            _problems.Add($"{path}: expected an object, got {Kind(node)}");
            return;
        }
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (key, child) in obj)
            {
                if (properties[key] is not JsonObject property)
                {
                    _problems.Add($"{path}.{key}: not a member of {schema["id"]}");
                    continue;
                }
                if (request && property["readOnly"]?.GetValue<bool>() == true)
                {
                    _problems.Add($"{path}.{key}: output only; a request must not send it");
                }
                Value(property, child, $"{path}.{key}");
            }
            return;
        }
        if (schema["additionalProperties"] is JsonObject values)
        {
            if (values["type"]?.GetValue<string>() == "any" && obj["@type"]?.GetValue<string>() == ServiceType)
            {
                var rest = (JsonObject)obj.DeepClone();
                rest.Remove("@type");
                Ref("GoogleCloudRunV2Service", rest, path);
                return;
            }
            foreach (var (key, child) in obj)
            {
                Value(values, child, $"{path}[{key}]");
            }
        }
    }

    private void String(JsonObject schema, JsonNode? node, string path)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            _problems.Add($"{path}: expected a string ({schema["format"]?.GetValue<string>() ?? "text"}), got {Kind(node)}");
            return;
        }
        var text = v.GetValue<string>();
        var format = schema["format"]?.GetValue<string>();
        if (format is "int64" or "uint64" && !Int64().IsMatch(text))
        {
            _problems.Add($"{path}: int64 '{text}' is not a decimal string");
        }
        if (format == "google-datetime" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            _problems.Add($"{path}: '{text}' is not an RFC 3339 timestamp");
        }
        if (format == "google-duration" && !Duration().IsMatch(text))
        {
            _problems.Add($"{path}: '{text}' is not a duration like \"10s\"");
        }
        if (schema["enum"] is JsonArray values && values.All(e => e!.GetValue<string>() != text))
        {
            _problems.Add($"{path}: '{text}' is not one of the enum values");
        }
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "?",
    };

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex Int64();

    [GeneratedRegex(@"^-?\d+(\.\d{1,9})?s$")]
    private static partial Regex Duration();
}
