using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Testing;

namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>The vendored Cloud Run v2 discovery document (tests/specs/gcp/run-v2.discovery.json): its methods and schemas.</summary>
internal sealed class DiscoveryDocument
{
    private static readonly Lazy<DiscoveryDocument> Shared = new(() => new DiscoveryDocument(
        JsonNode.Parse(File.ReadAllText(RepoPaths.CloudRunDiscovery))!.AsObject()));

    private DiscoveryDocument(JsonObject root)
    {
        Schemas = root["schemas"]!.AsObject();
        GlobalParameters = root["parameters"]!.AsObject();
        Methods = Collect(root).OrderByDescending(m => m.FlatPath.Count(c => c != '{')).ToList();
    }

    public static DiscoveryDocument Load() => Shared.Value;

    public JsonObject Schemas { get; }

    public JsonObject GlobalParameters { get; }

    public IReadOnlyList<DiscoveryMethod> Methods { get; }

    public JsonObject Schema(string id) => Schemas[id]?.AsObject() ?? throw new KeyNotFoundException($"schema {id} is not in the discovery document");

    /// <summary>The method a request is for: same HTTP method and a path matching its flatPath.</summary>
    public DiscoveryMethod? Match(string httpMethod, string path) =>
        Methods.FirstOrDefault(m => m.HttpMethod == httpMethod && m.PathPattern.IsMatch(path));

    private static IEnumerable<DiscoveryMethod> Collect(JsonObject node)
    {
        foreach (var (id, method) in node["methods"]?.AsObject() ?? [])
        {
            var m = method!.AsObject();
            var flat = m["flatPath"]!.GetValue<string>();
            var pattern = "^/" + Regex.Replace(Regex.Escape(flat).Replace(@"\{", "{"), @"\{[^}]+}", "[^/:]+") + "$";
            yield return new DiscoveryMethod(m["id"]?.GetValue<string>() ?? id, m["httpMethod"]!.GetValue<string>(), flat, new Regex(pattern),
                m["parameters"]?.AsObject() ?? [], m["request"]?["$ref"]?.GetValue<string>(), m["response"]?["$ref"]?.GetValue<string>());
        }
        foreach (var (_, resource) in node["resources"]?.AsObject() ?? [])
        {
            foreach (var method in Collect(resource!.AsObject()))
            {
                yield return method;
            }
        }
    }
}
