using Reconciler.Core.CloudRun;

namespace Reconciler.Platforms.CloudRun.Execution;

/// <summary>
/// The annotations a write sends: the live ones Reconciler may write back (not the system namespaces, which the v2
/// API refuses), with Reconciler's state on top. Last known-good and the failed-fingerprint pin are carried over.
/// </summary>
internal static class StateAnnotations
{
    private static readonly string[] SystemPrefixes =
        ["run.googleapis.com/", "cloud.googleapis.com/", "serving.knative.dev/", "autoscaling.knative.dev/", "client.knative.dev/"];

    public static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? live, IReadOnlyDictionary<string, string> state)
    {
        var merged = (live ?? new Dictionary<string, string>())
            .Where(kv => !SystemPrefixes.Any(p => kv.Key.StartsWith(p, StringComparison.Ordinal)))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (key, value) in state)
        {
            merged[key] = value;
        }
        return merged;
    }

    /// <summary>What a deploy records: the template fingerprint, the revision being rolled out, the spec hash and the commit.</summary>
    public static Dictionary<string, string> ForDeploy(string fingerprint, string revision, string specHash, string? gitRevision)
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CloudRunAnnotations.ManagedBy] = CloudRunAnnotations.ManagedByValue,
            [CloudRunAnnotations.Fingerprint] = fingerprint,
            [CloudRunAnnotations.Target] = revision,
            [CloudRunAnnotations.Spec] = specHash,
        };
        if (!string.IsNullOrEmpty(gitRevision))
        {
            state[CloudRunAnnotations.GitRevision] = gitRevision;
        }
        return state;
    }
}
