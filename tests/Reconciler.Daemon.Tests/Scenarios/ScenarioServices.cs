namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>Several ECS services like <see cref="WebManifest"/>, each in its own file and named after itself (family included).</summary>
internal static class ScenarioServices
{
    public static IReadOnlyList<string> Names(int count) => Enumerable.Range(0, count).Select(i => $"svc-{i}").ToList();

    public static string Yaml(string name, bool prune = false) =>
        WebManifest.Yaml("v1")
            .Replace("metadata:\n  name: web", $"metadata:\n  name: {name}", StringComparison.Ordinal)
            .Replace("family: web", $"family: {name}", StringComparison.Ordinal)
            .Replace("\n  deployment:", prune ? "\n  syncPolicy:\n    prune: true\n  deployment:" : "\n  deployment:", StringComparison.Ordinal);

    /// <summary>Writes one file per service and commits; returns the commit.</summary>
    public static string Commit(DaemonHarness world, IEnumerable<string> names, string message, bool prune = false)
    {
        foreach (var name in names)
        {
            world.Repo.WriteFile($"services/{name}.yaml", Yaml(name, prune));
        }
        return world.Repo.Commit(message);
    }
}
