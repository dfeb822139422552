using System.Text.Json.Nodes;
using Reconciler.Testing;

namespace Reconciler.Platforms.CloudRun.Tests.Mapping;

/// <summary>Golden files in tests/Reconciler.Platforms.CloudRun.Tests/Golden. Set RECONCILER_UPDATE_GOLDEN=1 to rewrite them (then review the diff).</summary>
internal static class Golden
{
    public static string PathOf(string name) => Path.Combine(RepoPaths.Root, "tests", "Reconciler.Platforms.CloudRun.Tests", "Golden", name);

    public static JsonNode Read(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!;

    public static void AssertEqual(string name, JsonNode actual)
    {
        var text = actual.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("RECONCILER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(PathOf(name), text);
        }
        Assert.That(JsonNode.DeepEquals(actual, Read(name)), Is.True, $"{name} differs from the golden file; actual:\n{text}");
    }
}
