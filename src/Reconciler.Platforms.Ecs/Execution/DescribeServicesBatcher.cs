using Reconciler.Platforms.Ecs.Resilience;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>
/// Coalesces the DescribeServices calls of resources observed at about the same time (a resync enqueues every key;
/// `apply` reconciles all of them at once) into one call per cluster, at most 10 names each — the ECS limit — so
/// observing N services of a cluster costs ⌈N/10⌉ calls instead of N. The wait to gather a batch is a few
/// milliseconds of wall time; each caller's own cancellation only stops its own wait.
/// </summary>
internal sealed class DescribeServicesBatcher(AwsCallPolicy policy, TimeSpan? window = null)
{
    public const int MaxNames = 10;
    private readonly TimeSpan _window = window ?? TimeSpan.FromMilliseconds(10);
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Region, string Cluster), Batch> _open = [];

    public async Task<Api.Service?> DescribeAsync(Api.IEcsApi ecs, string region, string cluster, string name, CancellationToken ct)
    {
        Task<IReadOnlyDictionary<string, Api.Service>> result;
        lock (_gate)
        {
            if (!_open.TryGetValue((region, cluster), out var batch) || batch.Names.Count >= MaxNames)
            {
                batch = new Batch();
                _open[(region, cluster)] = batch;
                batch.Run = RunAsync(ecs, region, cluster, batch);
            }
            batch.Names.Add(name);
            result = batch.Run;
        }
        var services = await result.WaitAsync(ct);
        return services.GetValueOrDefault(name);
    }

    private async Task<IReadOnlyDictionary<string, Api.Service>> RunAsync(Api.IEcsApi ecs, string region, string cluster, Batch batch)
    {
        await Task.Delay(_window);
        List<string> names;
        lock (_gate)
        {
            if (_open.TryGetValue((region, cluster), out var current) && current == batch)
            {
                _open.Remove((region, cluster));
            }
            names = batch.Names.Distinct(StringComparer.Ordinal).ToList();
        }
        return await DescribeNowAsync(ecs, region, cluster, names, CancellationToken.None);
    }

    /// <summary>One DescribeServices of at most <see cref="MaxNames"/> names, by name; INACTIVE services are left out.</summary>
    public async Task<IReadOnlyDictionary<string, Api.Service>> DescribeNowAsync(
        Api.IEcsApi ecs, string region, string cluster, IReadOnlyList<string> names, CancellationToken ct)
    {
        var response = await policy.RunAsync(region, "DescribeServices", token => ecs.DescribeServicesAsync(new Api.DescribeServicesRequest
        {
            Cluster = cluster,
            Services = names.ToList(),
            Include = ["TAGS"],
        }, token), ct);
        // ECS keeps deleted services as INACTIVE for a while: they do not exist for us.
        return response.Services
            .Where(s => s.ServiceName is not null && s.Status != Core.Ecs.EcsStatuses.Inactive)
            .GroupBy(s => s.ServiceName!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    private sealed class Batch
    {
        public List<string> Names { get; } = [];
        public Task<IReadOnlyDictionary<string, Api.Service>> Run { get; set; } = Task.FromResult<IReadOnlyDictionary<string, Api.Service>>(new Dictionary<string, Api.Service>());
    }
}
