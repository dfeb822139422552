using System.Security.Cryptography;
using System.Text;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;

namespace Reconciler.Core.Fingerprints;

/// <summary>
/// Identity of a desired template: lowercase hex SHA-256 of its canonical JSON. Stable across runs and
/// processes, so it can live in a tag (<see cref="TagKeys.Fingerprint"/>) and be compared after a restart.
/// Values must be resolved first; an unresolved <c>{ssm: ...}</c> throws <see cref="InvalidOperationException"/>.
/// </summary>
public static class SpecFingerprint
{
    /// <summary>The task definition (normalized first, so "arm64" and "ARM64" are the same template).</summary>
    public static string Of(EcsTaskDefinitionSpec spec) =>
        Hash(EcsCanonicalForm.Of(EcsDesiredNormalizer.Normalize(spec)).ToJson());

    /// <summary>The revision template only: containers, scaling, service account. Traffic and labels are not part of it.</summary>
    public static string Of(CloudRunServiceSpec spec) => Hash(CloudRunCanonicalForm.Of(spec).ToJson());

    /// <summary>The canonical JSON itself, for debugging a fingerprint mismatch.</summary>
    public static string CanonicalJson(EcsTaskDefinitionSpec spec) =>
        EcsCanonicalForm.Of(EcsDesiredNormalizer.Normalize(spec)).ToJson();

    private static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
}
