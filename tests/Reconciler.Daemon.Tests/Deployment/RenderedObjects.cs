using System.Text.Json.Nodes;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>The objects of one `helm template`, as JSON, looked up by kind (and name).</summary>
internal sealed class RenderedObjects(IReadOnlyList<JsonObject> objects)
{
    public IReadOnlyList<JsonObject> All => objects;

    public static RenderedObjects Parse(string json) =>
        new(JsonNode.Parse(json)!.AsArray().Select(o => o!.AsObject()).ToList());

    public IEnumerable<JsonObject> OfKind(string kind) => objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind, string? name = null)
    {
        var matches = OfKind(kind).Where(o => name is null || (string?)o["metadata"]!["name"] == name).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"expected one {kind} {name}; rendered: {Kinds}");
        return matches[0];
    }

    public string Kinds => string.Join(", ", objects.Select(o => $"{o["kind"]}/{o["metadata"]?["name"]}"));

    /// <summary>The reconciler container of the StatefulSet's pod template.</summary>
    public JsonObject Container() => PodSpec()["containers"]!.AsArray().Single(c => (string?)c!["name"] == "reconciler")!.AsObject();

    public JsonObject PodSpec() => Single("StatefulSet")["spec"]!["template"]!["spec"]!.AsObject();

    public IReadOnlyList<string> Args() => Container()["args"]!.AsArray().Select(a => (string)a!).ToList();

    /// <summary>The value following <paramref name="flag"/> in the container's arguments, or null when the flag is absent.</summary>
    public string? Flag(string flag)
    {
        var args = Args();
        var at = args.ToList().IndexOf(flag);
        return at < 0 ? null : args[at + 1];
    }
}
