namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>Several ECS services like <see cref="WebManifest"/>, each in its own file and named after itself (family included).</summary>
internal static class ScenarioServices
{
    public static IReadOnlyList<string> Names(int count) => Enumerable.Range(0, count).Select(i => $"svc-{i}").ToList();

    public static string Yaml(string name) =>
        WebManifest.Yaml("v1")
            .Replace("metadata:\n  name: web", $"metadata:\n  name: {name}", StringComparison.Ordinal)
            .Replace("family: web", $"family: {name}", StringComparison.Ordinal);

    /// <summary>Writes one file per service and commits; returns the commit.</summary>
    public static string Commit(DaemonHarness world, IEnumerable<string> names, string message)
    {
        foreach (var name in names)
        {
            world.Repo.WriteFile($"services/{name}.yaml", Yaml(name));
        }
        return world.Repo.Commit(message);
    }
}
