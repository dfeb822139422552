using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reconciler.Testing.Specs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Conformance;

/// <summary>
/// Walks a request/response record type by reflection (through System.Text.Json's own contract, so the JSON names
/// are exactly the ones the client writes and reads) alongside a structure shape of the official service model.
/// Reports every member the model does not have or whose type does not fit, and lists every leaf path the type can
/// carry (e.g. <c>containerDefinitions[].healthCheck.startPeriod</c>) for coverage checks.
/// </summary>
public sealed class DtoShapeWalker(AwsServiceModel model, string modelPath, JsonSerializerOptions options)
{
    private static readonly Dictionary<string, JsonDocument> RawModels = new();
    private readonly JsonElement _shapes = Raw(modelPath).RootElement.GetProperty("shapes");

    public List<string> Problems { get; } = [];

    public List<string> LeafPaths { get; } = [];

    public DtoShapeWalker Walk(Type type, string structureShape, string path = "$")
    {
        var members = model.Members(structureShape);
        foreach (var property in options.GetTypeInfo(type).Properties)
        {
            var at = $"{path}.{property.Name}";
            if (!members.Contains(property.Name))
            {
                Problems.Add($"{at}: '{property.Name}' is not a member of {structureShape}");
                continue;
            }
            WalkValue(property.PropertyType, model.MemberShape(structureShape, property.Name), at);
        }
        return this;
    }

    private void WalkValue(Type type, string shape, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var kind = _shapes.GetProperty(shape).GetProperty("type").GetString();
        switch (kind)
        {
            case "structure":
                Walk(type, shape, path);
                return;
            case "list" when ElementOf(type, typeof(IReadOnlyList<>)) is { } item:
                WalkValue(item, _shapes.GetProperty(shape).GetProperty("member").GetProperty("shape").GetString()!, path + "[]");
                return;
            case "map" when ElementOf(type, typeof(IReadOnlyDictionary<,>)) is { } value:
                WalkValue(value, _shapes.GetProperty(shape).GetProperty("value").GetProperty("shape").GetString()!, path + "{}");
                return;
        }
        if (!ScalarFits(kind!, type))
        {
            Problems.Add($"{path}: C# {type.Name} does not fit {kind} shape {shape}");
        }
        LeafPaths.Add(path);
    }

    private static bool ScalarFits(string kind, Type type) => kind switch
    {
        "string" => type == typeof(string),
        "integer" => type == typeof(int),
        "long" => type == typeof(long),
        "boolean" => type == typeof(bool),
        "timestamp" => type == typeof(DateTimeOffset),
        "double" or "float" => type == typeof(double),
        _ => false,
    };

    private static Type? ElementOf(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic ? type.GetGenericArguments()[^1] : null;

    private static JsonDocument Raw(string path)
    {
        lock (RawModels)
        {
            if (!RawModels.TryGetValue(path, out var document))
            {
                RawModels[path] = document = JsonDocument.Parse(File.ReadAllBytes(path));
            }
            return document;
        }
    }
}
