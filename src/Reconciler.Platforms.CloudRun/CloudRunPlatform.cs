using Reconciler.Core.Reconciling;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;
using Reconciler.Core.Passes;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;
using Reconciler.Platforms.CloudRun.Execution;
using Reconciler.Platforms.CloudRun.Mapping;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Wire;

namespace Reconciler.Platforms.CloudRun;

/// <summary>
/// The Cloud Run seam: observe (the service — batched per location into one services.list when several are observed
/// together — and its revisions only while the rollout is unsettled) and apply a plan (deploy a deterministically
/// named revision, shift traffic, annotate). Never touches a service no manifest declares. A pass
/// (<see cref="BeginPassAsync"/>) lists each location of two or more services up front, one <c>services.list</c> per
/// page, and each key's observation in that pass uses its listed service once instead of calling again.
/// </summary>
public sealed class CloudRunPlatform : IPlatform, IPassObserver, IDisposable
{
    /// <summary>Location listings in flight at once (they still queue behind each location's rate limiter).</summary>
    private const int PrefetchParallelism = 4;
    private readonly PassObservations<Wire.Model.RunService> _pass = new();
    private const int RevisionsRead = 10;
    private readonly ICloudRunApi _api;
    private readonly CloudRunCallPolicy _policy;
    private readonly ServicesListBatcher _services;
    private readonly OperationFollower _follower;
    private readonly IDisposable? _owned;

    internal CloudRunPlatform(ICloudRunApi api, CloudRunCallPolicy policy, TimeProvider time, IDisposable? owned = null, TimeSpan? batchWindow = null)
    {
        _api = api;
        _policy = policy;
        _owned = owned;
        _services = new ServicesListBatcher(api, policy, batchWindow);
        _follower = new OperationFollower(api, policy, time);
    }

    public bool Handles(ResourceManifest manifest) => manifest is CloudRunServiceManifest;

    public IDecider Decider => CloudRunDecider.Instance;

    public TimeSpan ProgressDeadline(ResourceManifest manifest) => CloudRunRolloutAssessor.DefaultProgressDeadline;

    public async Task<Observation> ObserveAsync(ResourceManifest desired, CancellationToken cancellationToken)
    {
        var manifest = DesiredNormalizer.Normalize((CloudRunServiceManifest)desired);
        var (project, region) = (manifest.Spec.Project, manifest.Spec.Region);
        var name = RequestMapper.ServiceName(manifest);
        var raw = _pass.TryTake(manifest.Key, PassLocation(project, region), out var listed)
            ? listed
            : await _services.GetAsync(project, region, manifest.Metadata.Name, cancellationToken);
        if (raw is null)
        {
            return new CloudRunObservation(manifest, null);
        }
        var observed = ObservedMapper.Service(raw);
        if (Unsettled(observed))
        {
            var page = await _policy.RunAsync(project, region, CallKind.Read, "revisions.list",
                t => _api.ListRevisionsAsync(name, null, RevisionsRead, t), cancellationToken);
            observed = observed with { Revisions = (page.Revisions ?? []).Select(ObservedMapper.Revision).ToArray() };
        }
        return new CloudRunObservation(manifest, observed);
    }

    public Task<WriteLocation> LocateAsync(ResourceManifest manifest, IReadOnlySet<WriteScope> restricted, CancellationToken cancellationToken)
    {
        var spec = ((CloudRunServiceManifest)manifest).Spec;
        return Task.FromResult(WriteLocation.Of((WriteScope.GcpProject, spec.Project), (WriteScope.GcpRegion, spec.Region)));
    }

    public async Task<ApplyReport> ApplyAsync(Plan plan, ApplyContext context, CancellationToken cancellationToken)
    {
        var execution = new PlanExecution(_api, _policy, _follower, context);
        try
        {
            foreach (var action in plan.Actions)
            {
                await execution.ExecuteAsync(action, cancellationToken);
            }
        }
        finally
        {
            // Whatever was listed for this service before the write is no longer the truth.
            _pass.Written(plan.Key);
        }
        return new ApplyReport(execution.Steps, execution.WriteCalls);
    }

    public async Task BeginPassAsync(IReadOnlyList<ResourceManifest> manifests, CancellationToken cancellationToken)
    {
        var entries = _pass.Begin();
        // One service alone in its location keeps its own services.get (a list would read the whole location for it).
        var locations = manifests.OfType<CloudRunServiceManifest>()
            .Where(m => !m.SyncPolicy.Suspended)
            .Select(DesiredNormalizer.Normalize)
            .GroupBy(m => (m.Spec.Project, m.Spec.Region))
            .Select(g => g.DistinctBy(m => m.Key).ToList())
            .Where(g => g.Count > 1)
            .ToList();
        await Parallel.ForEachAsync(locations, new ParallelOptions { MaxDegreeOfParallelism = PrefetchParallelism, CancellationToken = cancellationToken },
            async (location, token) =>
            {
                var (project, region) = (location[0].Spec.Project, location[0].Spec.Region);
                var generations = location.ToDictionary(m => m.Key, m => _pass.Generation(m.Key));
                IReadOnlyDictionary<string, Wire.Model.RunService> found;
                try
                {
                    found = await _services.ListAsync(project, region, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // Not this pass's problem: each key observes on its own and reports the error where it belongs.
                    return;
                }
                foreach (var manifest in location)
                {
                    entries[manifest.Key] = new PassObservations<Wire.Model.RunService>.Entry(PassLocation(project, region), generations[manifest.Key],
                        found.GetValueOrDefault(ResourceNames.Service(project, region, manifest.Metadata.Name)));
                }
            });
    }

    private static string PassLocation(string project, string region) => $"{project}/{region}";

    public void Dispose() => _owned?.Dispose();

    /// <summary>Revisions matter only while the last write is not settled or a revision failed; skip the read otherwise.</summary>
    internal static bool Unsettled(ObservedCloudRunService s) =>
        s.Reconciling
        || s.Generation != s.ObservedGeneration
        || s.LatestCreatedRevision != s.LatestReadyRevision
        || s.TerminalCondition is { State: not CloudRunConditionStates.Succeeded };
}
