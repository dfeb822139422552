namespace Reconciler.Platforms.CloudRun.Wire;

/// <summary>Full resource names of the v2 API, and the short name (last segment) Reconciler's model uses.</summary>
internal static class ResourceNames
{
    public static string Location(string project, string region) => $"projects/{project}/locations/{region}";

    public static string Service(string project, string region, string service) => $"{Location(project, region)}/services/{service}";

    public static string Revision(string serviceName, string revision) => $"{serviceName}/revisions/{revision}";

    /// <summary>"projects/p/locations/l/services/s/revisions/r" → "r"; a short name is returned as is.</summary>
    public static string? Short(string? name) => name is null ? null : name[(name.LastIndexOf('/') + 1)..];
}
