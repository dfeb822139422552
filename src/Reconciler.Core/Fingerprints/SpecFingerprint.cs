using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;

namespace Reconciler.Core.Fingerprints;

/// <summary>
/// Identity of a desired template: lowercase hex SHA-256 of its canonical JSON. Stable across runs and
/// processes, so it can live in a tag (<see cref="TagKeys.Fingerprint"/>) and be compared after a restart.
/// Values must be resolved first; an unresolved <c>{ssm: ...}</c> throws <see cref="InvalidOperationException"/>.
/// </summary>
public static partial class SpecFingerprint
{
    /// <summary>The task definition (normalized first, so "arm64" and "ARM64" are the same template).</summary>
    public static string Of(EcsTaskDefinitionSpec spec) =>
        Hash(EcsCanonicalForm.Of(EcsDesiredNormalizer.Normalize(spec)).ToJson());

    /// <summary>The revision template only: containers, scaling, service account. Traffic and labels are not part of it.</summary>
    public static string Of(CloudRunServiceSpec spec) => Hash(CloudRunCanonicalForm.Of(spec).ToJson());

    /// <summary>
    /// The whole service spec Reconciler writes: task definition fingerprint, desired count, service settings and
    /// deployment configuration (not tags, not sync policy). Equal to the service's <see cref="TagKeys.Spec"/> tag
    /// means "this exact spec was applied", so any remaining difference was made outside git (drift).
    /// </summary>
    public static string OfService(EcsServiceSpec spec)
    {
        var normalized = EcsDesiredNormalizer.Normalize(spec);
        var json = JsonSerializer.Serialize(
            new EcsServiceDocument("reconciler.io/ecs-service/v1", Of(normalized.TaskDefinition),
                normalized.DesiredCount, normalized.Service, normalized.Deployment),
            FingerprintJson.Default.EcsServiceDocument);
        return Hash(json);
    }

    /// <summary>
    /// The whole Cloud Run service spec Reconciler writes (template fingerprint, ingress, labels, traffic; not sync
    /// policy or rollback), kept in the <see cref="CloudRunAnnotations.Spec"/> annotation. Git's spec equal to it
    /// while the cloud still differs means the difference was made outside git (drift).
    /// </summary>
    public static string OfService(CloudRunServiceSpec spec)
    {
        var json = JsonSerializer.Serialize(
            new CloudRunServiceDocument(
                "reconciler.io/cloud-run-service/v1",
                Of(spec),
                spec.Ingress,
                spec.Labels?.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new[] { kv.Key, kv.Value }).ToArray(),
                spec.Traffic?.Select(t => new TrafficEntry(t.Percent, t.Latest, t.Revision, t.Tag)).ToArray()),
            FingerprintJson.Default.CloudRunServiceDocument);
        return Hash(json);
    }

    /// <summary>The canonical JSON itself, for debugging a fingerprint mismatch.</summary>
    public static string CanonicalJson(EcsTaskDefinitionSpec spec) =>
        EcsCanonicalForm.Of(EcsDesiredNormalizer.Normalize(spec)).ToJson();

    private static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    // The service documents below are written exactly as the anonymous types they replace were (member names, order,
    // nulls written, default encoder), so the fingerprints already in the cloud stay valid. They are source-generated
    // (no reflection) so the daemon can run as a Native AOT binary. ServiceFingerprintPinTests pins the values.

    private sealed record EcsServiceDocument(
        [property: JsonPropertyName("schema")] string Schema,
        [property: JsonPropertyName("taskDefinition")] string TaskDefinition,
        int? DesiredCount,
        EcsServiceSettings? Service,
        EcsDeploymentSpec? Deployment);

    private sealed record CloudRunServiceDocument(
        [property: JsonPropertyName("schema")] string Schema,
        [property: JsonPropertyName("template")] string Template,
        [property: JsonPropertyName("ingress")] string? Ingress,
        [property: JsonPropertyName("labels")] string[][]? Labels,
        [property: JsonPropertyName("traffic")] TrafficEntry[]? Traffic);

    private sealed record TrafficEntry(int Percent, bool? Latest, string? Revision, string? Tag);

    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
    [JsonSerializable(typeof(EcsServiceDocument))]
    [JsonSerializable(typeof(CloudRunServiceDocument))]
    private sealed partial class FingerprintJson : JsonSerializerContext;
}
