using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Fingerprints;

namespace Reconciler.Platforms.CloudRun.Naming;

/// <summary>
/// The <c>reconciler.io/spec</c> annotation: a hash of the whole service spec Reconciler writes (template
/// fingerprint, ingress, labels, traffic; not sync policy or rollback). Git's spec equal to it while the cloud still
/// differs means the difference was made outside git (drift).
/// </summary>
public static class CloudRunSpecHash
{
    public static string Of(CloudRunServiceSpec spec)
    {
        var json = JsonSerializer.Serialize(new
        {
            schema = "reconciler.io/cloud-run-service/v1",
            template = SpecFingerprint.Of(spec),
            ingress = spec.Ingress,
            labels = spec.Labels?.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new[] { kv.Key, kv.Value }).ToArray(),
            traffic = spec.Traffic?.Select(t => new { t.Percent, t.Latest, t.Revision, t.Tag }).ToArray(),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
