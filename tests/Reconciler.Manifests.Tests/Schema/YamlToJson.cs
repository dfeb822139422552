using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Manifests.Yaml;

namespace Reconciler.Manifests.Tests.Schema;

/// <summary>YAML documents as JSON, typed the way a YAML 1.2 core-schema tool (the language server) reads them.</summary>
internal static class YamlToJson
{
    public static IReadOnlyList<JsonNode?> Documents(string path)
    {
        var read = YamlStreamReader.Read(File.ReadAllText(path), path, new YamlLimits(64, 100_000));
        Assert.That(read.Diagnostics, Is.Empty);
        return read.Documents.Select(d => d.Root is null ? null : Convert(d.Root)).ToList();
    }

    private static JsonNode? Convert(YNode node) => node switch
    {
        YMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Text, Convert(e.Value)))),
        YSequence sequence => new JsonArray(sequence.Items.Select(Convert).ToArray()),
        YScalar { IsNull: true } => null,
        YScalar { IsPlain: true, Text: "true" or "false" } s => JsonValue.Create(s.Text == "true"),
        YScalar { IsPlain: true } s when long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YScalar s => JsonValue.Create(s.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
