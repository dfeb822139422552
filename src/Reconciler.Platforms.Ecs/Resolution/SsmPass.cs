using System.Collections.Concurrent;
using Reconciler.Core.Ecs;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Wire.Ssm;

namespace Reconciler.Platforms.Ecs.Resolution;

/// <summary>
/// The SSM parameters of one resync pass, read up front across every resource of a region — ten names a call, not
/// one call per resource — so each key's resolution in the pass needs no call of its own. A new pass replaces them
/// all (a parameter changed in SSM is seen at the next pass); a name the pass did not read is fetched as before.
/// </summary>
internal sealed class SsmPass
{
    private ConcurrentDictionary<string, Region> _regions = new(StringComparer.Ordinal);

    /// <summary>Reads every SSM name the manifests reference, per region; a region whose read fails is left to each key.</summary>
    public async Task BeginAsync(IEnumerable<EcsServiceManifest> manifests, Func<string, ISsmApi> ssm, AwsCallPolicy policy, CancellationToken ct)
    {
        var fresh = new ConcurrentDictionary<string, Region>(StringComparer.Ordinal);
        Volatile.Write(ref _regions, fresh);
        foreach (var group in manifests.GroupBy(m => m.Spec.Region, StringComparer.Ordinal))
        {
            var names = group.SelectMany(SsmResolver.Names).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count == 0)
            {
                continue;
            }
            try
            {
                var response = await SsmResolver.GetAllAsync(names, group.Key, ssm(group.Key), policy, ct);
                fresh[group.Key] = new Region(SsmResolver.ByName(response.Parameters), response.InvalidParameters.ToHashSet(StringComparer.Ordinal));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Not this pass's problem: each key resolves on its own and reports the error where it belongs.
            }
        }
    }

    /// <summary>The pass's answer for these names, when it read every one of them.</summary>
    public GetParametersResponse? TryGet(string region, IReadOnlyList<string> names)
    {
        if (!Volatile.Read(ref _regions).TryGetValue(region, out var read) || !names.All(n => read.Found.ContainsKey(n) || read.Invalid.Contains(n)))
        {
            return null;
        }
        return new GetParametersResponse
        {
            Parameters = names.Where(read.Found.ContainsKey).Select(n => read.Found[n]).ToList(),
            InvalidParameters = names.Where(read.Invalid.Contains).ToList(),
        };
    }

    private sealed record Region(IReadOnlyDictionary<string, Parameter> Found, IReadOnlySet<string> Invalid);
}
