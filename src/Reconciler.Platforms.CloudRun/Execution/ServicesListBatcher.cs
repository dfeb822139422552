using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Errors;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Execution;

/// <summary>
/// Coalesces the reads of services observed at about the same time (a resync enqueues every key) per project and
/// region: one service alone is a <c>services.get</c>; two or more are one <c>services.list</c> of the location,
/// one call per page — so a resync of N unchanged services costs ⌈N/page⌉ list calls instead of N gets. The wait to
/// gather a batch is a few milliseconds of wall time; each caller's own cancellation only stops its own wait.
/// </summary>
internal sealed class ServicesListBatcher(ICloudRunApi api, CloudRunCallPolicy policy, TimeSpan? window = null, int pageSize = 500)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromMilliseconds(10);
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Project, string Region), Batch> _open = [];

    /// <summary>The service, or null when it does not exist.</summary>
    public async Task<RunService?> GetAsync(string project, string region, string service, CancellationToken ct)
    {
        Task<IReadOnlyDictionary<string, RunService>> result;
        lock (_gate)
        {
            if (!_open.TryGetValue((project, region), out var batch))
            {
                batch = new Batch();
                _open[(project, region)] = batch;
                batch.Run = RunAsync(project, region, batch);
            }
            batch.Names.Add(service);
            result = batch.Run;
        }
        var services = await result.WaitAsync(ct);
        return services.GetValueOrDefault(ResourceNames.Service(project, region, service));
    }

    private async Task<IReadOnlyDictionary<string, RunService>> RunAsync(string project, string region, Batch batch)
    {
        await Task.Delay(_window);
        List<string> names;
        lock (_gate)
        {
            _open.Remove((project, region));
            names = batch.Names.Distinct(StringComparer.Ordinal).ToList();
        }
        return names.Count == 1 ? await GetOneAsync(project, region, names[0]) : await ListAsync(project, region, CancellationToken.None);
    }

    private async Task<IReadOnlyDictionary<string, RunService>> GetOneAsync(string project, string region, string service)
    {
        var name = ResourceNames.Service(project, region, service);
        try
        {
            var found = await policy.RunAsync(project, region, CallKind.Read, "services.get", t => api.GetServiceAsync(name, t), CancellationToken.None);
            return new Dictionary<string, RunService> { [name] = found };
        }
        catch (RunApiException e) when (e.IsNotFound)
        {
            return new Dictionary<string, RunService>();
        }
    }

    /// <summary>Every service of the location by full name, one <c>services.list</c> call per page (a pass's prefetch).</summary>
    public async Task<IReadOnlyDictionary<string, RunService>> ListAsync(string project, string region, CancellationToken ct)
    {
        var parent = ResourceNames.Location(project, region);
        var all = new Dictionary<string, RunService>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await policy.RunAsync(project, region, CallKind.Read, "services.list",
                t => api.ListServicesAsync(parent, token, pageSize, t), ct);
            foreach (var s in (page.Services ?? []).Where(s => s.Name is not null))
            {
                all[s.Name!] = s;
            }
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return all;
    }

    private sealed class Batch
    {
        public List<string> Names { get; } = [];
        public Task<IReadOnlyDictionary<string, RunService>> Run { get; set; } = Task.FromResult<IReadOnlyDictionary<string, RunService>>(new Dictionary<string, RunService>());
    }
}
