namespace Reconciler.Testing;

/// <summary>Finds the repository root (the folder with Reconciler.sln) and the API specs vendored in tests/specs.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Specs => Path.Combine(Root, "tests", "specs");

    public static string EcsModel => Path.Combine(Specs, "aws", "ecs-2014-11-13.service-2.json");

    public static string EcsWaiters => Path.Combine(Specs, "aws", "ecs-2014-11-13.waiters-2.json");

    public static string SsmModel => Path.Combine(Specs, "aws", "ssm-2014-11-06.service-2.json");

    public static string CloudRunDiscovery => Path.Combine(Specs, "gcp", "run-v2.discovery.json");

    public static string Examples => Path.Combine(Root, "manifests", "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reconciler.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Reconciler.sln not found above " + AppContext.BaseDirectory);
    }
}
