using Reconciler.Core.Reconciling;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;
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
/// named revision, shift traffic, annotate). Never touches a service no manifest declares.
/// </summary>
public sealed class CloudRunPlatform : IPlatform, IDisposable
{
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
        var raw = await _services.GetAsync(project, region, manifest.Metadata.Name, cancellationToken);
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
        foreach (var action in plan.Actions)
        {
            await execution.ExecuteAsync(action, cancellationToken);
        }
        return new ApplyReport(execution.Steps, execution.WriteCalls);
    }

    public void Dispose() => _owned?.Dispose();

    /// <summary>Revisions matter only while the last write is not settled or a revision failed; skip the read otherwise.</summary>
    internal static bool Unsettled(ObservedCloudRunService s) =>
        s.Reconciling
        || s.Generation != s.ObservedGeneration
        || s.LatestCreatedRevision != s.LatestReadyRevision
        || s.TerminalCondition is { State: not CloudRunConditionStates.Succeeded };
}
