using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Testing.Specs;

/// <summary>
/// An official AWS service model (botocore service-2.json). Checks a JSON 1.1 request or response member by member
/// against an operation's input/output shape: names, types, required members, enum values, list/map nesting.
/// </summary>
public sealed class AwsServiceModel
{
    private static readonly Dictionary<string, AwsServiceModel> Cache = new();
    private readonly JsonElement _operations;
    private readonly JsonElement _shapes;

    private AwsServiceModel(JsonDocument document)
    {
        var root = document.RootElement;
        _operations = root.GetProperty("operations");
        _shapes = root.GetProperty("shapes");
        TargetPrefix = root.GetProperty("metadata").GetProperty("targetPrefix").GetString()!;
    }

    public string TargetPrefix { get; }

    public static AwsServiceModel Ecs => Load(RepoPaths.EcsModel);

    public static AwsServiceModel Ssm => Load(RepoPaths.SsmModel);

    public static AwsServiceModel Load(string path)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(path, out var model))
            {
                model = new AwsServiceModel(JsonDocument.Parse(File.ReadAllBytes(path)));
                Cache[path] = model;
            }
            return model;
        }
    }

    public bool HasOperation(string operation) => _operations.TryGetProperty(operation, out _);

    public IReadOnlyList<string> ValidateInput(string operation, JsonNode? json) => ValidateAgainst(operation, "input", json);

    public IReadOnlyList<string> ValidateOutput(string operation, JsonNode? json) => ValidateAgainst(operation, "output", json);

    /// <summary>Error shape names the operation may return (e.g. ServiceNotFoundException).</summary>
    public IReadOnlyList<string> Errors(string operation) =>
        _operations.GetProperty(operation).TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToList()
            : [];

    public bool HasShape(string shape) => _shapes.TryGetProperty(shape, out _);

    /// <summary>Member names of a structure shape.</summary>
    public IReadOnlyList<string> Members(string shape) =>
        _shapes.GetProperty(shape).GetProperty("members").EnumerateObject().Select(m => m.Name).ToList();

    /// <summary>The shape name of an operation's input or output.</summary>
    public string ShapeOf(string operation, string direction) =>
        _operations.GetProperty(operation).GetProperty(direction).GetProperty("shape").GetString()!;

    /// <summary>Enum values of a string shape, or empty.</summary>
    public IReadOnlyList<string> EnumValues(string shape) =>
        _shapes.GetProperty(shape).TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    /// <summary>Shape name of a member of a structure.</summary>
    public string MemberShape(string structure, string member) =>
        _shapes.GetProperty(structure).GetProperty("members").GetProperty(member).GetProperty("shape").GetString()!;

    private IReadOnlyList<string> ValidateAgainst(string operation, string direction, JsonNode? json)
    {
        if (!_operations.TryGetProperty(operation, out var op))
        {
            return [$"operation {operation} is not in the model"];
        }
        if (!op.TryGetProperty(direction, out var io))
        {
            return json is JsonObject { Count: 0 } or null ? [] : [$"{operation} has no {direction} shape but JSON was given"];
        }
        var errors = new List<string>();
        Validate(io.GetProperty("shape").GetString()!, json, "$", errors);
        return errors;
    }

    public IReadOnlyList<string> ValidateShape(string shape, JsonNode? json)
    {
        var errors = new List<string>();
        Validate(shape, json, "$", errors);
        return errors;
    }

    private void Validate(string shapeName, JsonNode? node, string path, List<string> errors)
    {
        var shape = _shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        if (node is null)
        {
            errors.Add($"{path}: null is not a valid {type} ({shapeName})");
            return;
        }
        switch (type)
        {
            case "structure":
                ValidateStructure(shape, shapeName, node, path, errors);
                break;
            case "list":
                if (node is not JsonArray array)
                {
                    errors.Add($"{path}: expected an array ({shapeName})");
                    return;
                }
                var item = shape.GetProperty("member").GetProperty("shape").GetString()!;
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(item, array[i], $"{path}[{i}]", errors);
                }
                break;
            case "map":
                if (node is not JsonObject map)
                {
                    errors.Add($"{path}: expected an object/map ({shapeName})");
                    return;
                }
                var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
                foreach (var (key, value) in map)
                {
                    Validate(valueShape, value, $"{path}.{key}", errors);
                }
                break;
            default:
                ValidateScalar(shape, shapeName, type!, node, path, errors);
                break;
        }
    }

    private void ValidateStructure(JsonElement shape, string shapeName, JsonNode node, string path, List<string> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add($"{path}: expected an object ({shapeName})");
            return;
        }
        var members = shape.GetProperty("members");
        if (shape.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!obj.ContainsKey(name))
                {
                    errors.Add($"{path}: required member '{name}' of {shapeName} is missing");
                }
            }
        }
        foreach (var (name, value) in obj)
        {
            if (!members.TryGetProperty(name, out var member))
            {
                errors.Add($"{path}: '{name}' is not a member of {shapeName}");
                continue;
            }
            Validate(member.GetProperty("shape").GetString()!, value, $"{path}.{name}", errors);
        }
    }

    private static void ValidateScalar(JsonElement shape, string shapeName, string type, JsonNode node, string path, List<string> errors)
    {
        var kind = node.GetValueKind();
        switch (type)
        {
            case "string":
                if (kind != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected a string ({shapeName}), got {kind}");
                    return;
                }
                if (shape.TryGetProperty("enum", out var values))
                {
                    var text = node.GetValue<string>();
                    if (!values.EnumerateArray().Any(v => v.GetString() == text))
                    {
                        errors.Add($"{path}: '{text}' is not one of the {shapeName} values");
                    }
                }
                break;
            case "integer" or "long":
                if (kind != JsonValueKind.Number || !node.AsValue().TryGetValue<long>(out _))
                {
                    errors.Add($"{path}: expected an integer ({shapeName}), got {kind}");
                }
                break;
            case "double" or "float":
            case "timestamp":
                if (kind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected a number ({shapeName}), got {kind}");
                }
                break;
            case "boolean":
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a boolean ({shapeName}), got {kind}");
                }
                break;
            case "blob":
                if (kind != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected base64 text ({shapeName}), got {kind}");
                }
                break;
            default:
                errors.Add($"{path}: unknown shape type {type} ({shapeName})");
                break;
        }
    }
}
