using System.Text.Json.Nodes;
using Json.Schema;
using Reconciler.Testing;

namespace Reconciler.Manifests.Tests.Schema;

/// <summary>The JSON schema (for the YAML language server) accepts the examples and rejects what the loader rejects.</summary>
public sealed class SchemaTests
{
    internal static readonly string SchemaPath = Path.Combine(RepoPaths.Root, "manifests", "schema", "reconciler-v1alpha1.schema.json");

    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(SchemaPath));

    private static IEnumerable<TestCaseData> Examples() =>
        Directory.GetFiles(RepoPaths.Examples, "*.yaml").Select(f => new TestCaseData(f).SetName($"example {Path.GetFileName(f)} validates against the schema"));

    [TestCaseSource(nameof(Examples))]
    public void Every_example_validates_against_the_schema(string path)
    {
        foreach (var document in YamlToJson.Documents(path))
        {
            var result = Evaluate(document);
            Assert.That(result.IsValid, Is.True, Errors(result));
        }
    }

    [TestCase("startPeriod: 60s", "startPeriod: 60", TestName = "the schema rejects a bare-number duration")]
    [TestCase("startPeriod: 60s", "startperiod: 60s", TestName = "the schema rejects an unknown field")]
    [TestCase("desiredCount: 2", "desiredCount: -1", TestName = "the schema rejects a negative desiredCount")]
    [TestCase("kind: EcsService", "kind: EcsServce", TestName = "the schema rejects an unknown kind")]
    [TestCase("    containers:\n      - name: web\n", "    containers:\n      - nam: web\n", TestName = "the schema rejects a container without a name")]
    [TestCase("    family: web\n", "    family: web.app\n", TestName = "the schema rejects a family with a dot")]
    [TestCase("  desiredCount: 2\n", "  desiredCount: 2\n  tags: {reconciler.io/last-known-good: x}\n", TestName = "the schema rejects a tag in Reconciler's namespace")]
    [TestCase("  desiredCount: 2\n", "  desiredCount: 2\n  tags: {\"AWS:owner\": x}\n", TestName = "the schema rejects a tag with the aws: prefix")]
    public void The_schema_rejects_what_the_loader_rejects(string find, string replace)
    {
        using var dir = new Tests.TempDir();
        var path = dir.Write("m.yaml", ManifestYaml.Ecs.With(find, replace));
        Assert.That(Evaluate(YamlToJson.Documents(path).Single()).IsValid, Is.False);
    }

    private static EvaluationResults Evaluate(JsonNode? document) =>
        Schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
