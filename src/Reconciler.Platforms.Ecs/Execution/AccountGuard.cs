using System.Collections.Concurrent;
using Reconciler.Core.Ecs;
using Reconciler.Core.Seams;
using Reconciler.Platforms.Ecs.Resilience;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>
/// <c>spec.account</c>: refuse to touch a service when the credentials reach another AWS account (a wrong profile
/// or role must never deploy to production). The account is read from the cluster's ARN, once per region and
/// cluster; a missing cluster is left to the normal "cluster not found" error. The same account answers the write
/// allow-list (<c>--allow-aws-accounts</c>).
/// </summary>
internal sealed class AccountGuard(AwsCallPolicy policy)
{
    private readonly ConcurrentDictionary<(string Region, string Cluster), string> _accounts = new();

    public async Task CheckAsync(EcsServiceManifest manifest, Api.IEcsApi ecs, CancellationToken ct)
    {
        if (manifest.Spec.Account is not { } expected)
        {
            return;
        }
        var actual = await AccountAsync(manifest.Spec.Region, manifest.Spec.Cluster, ecs, ct);
        if (actual is not null && actual != expected)
        {
            throw new PlatformException(
                $"{manifest.Key}: spec.account is {expected} but the credentials reach account {actual} in {manifest.Spec.Region}; " +
                $"nothing was changed. Check AWS_PROFILE / the role in use, or fix spec.account in {manifest.Source.File}", retryable: false);
        }
    }

    /// <summary>The account of the cluster (from its ARN), or null when the cluster does not say (missing).</summary>
    public async Task<string?> AccountAsync(string region, string cluster, Api.IEcsApi ecs, CancellationToken ct)
    {
        var key = (region, cluster);
        if (_accounts.TryGetValue(key, out var known))
        {
            return known;
        }
        var response = await policy.RunAsync(region, "DescribeClusters",
            t => ecs.DescribeClustersAsync(new Api.DescribeClustersRequest { Clusters = [cluster] }, t), ct);
        var arn = response.Clusters.FirstOrDefault()?.ClusterArn;
        if (arn?.Split(':') is not { Length: > 4 } parts)
        {
            return null;
        }
        _accounts[key] = parts[4];
        return parts[4];
    }
}
