using Reconciler.Core.Passes;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Ecs;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;
using Reconciler.Platforms.Ecs.Execution;
using Reconciler.Platforms.Ecs.Mapping;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Resolution;
using Reconciler.Platforms.Ecs.Wire.Errors;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs;

/// <summary>
/// The ECS seam: observe (resolve SSM references, DescribeServices, the task definition — cached by ARN since it is
/// immutable — and recent stopped tasks) and apply a plan. Never touches a service no manifest declares.
/// A pass (<see cref="BeginPassAsync"/>) describes its services up front, 10 names per call and cluster, and each
/// key's observation in that pass uses its prefetched service once instead of calling again; it also reads the SSM
/// parameters of every resource of a region together, 10 names per call (<see cref="SsmPass"/>).
/// </summary>
public sealed class EcsPlatform(EcsRegionClients clients, AwsCallPolicy policy) : IPlatform, IPassObserver
{
    /// <summary>Prefetch calls in flight at once (they still queue behind the region's rate limiter).</summary>
    private const int PrefetchParallelism = 4;
    private readonly PassObservations<Api.Service> _pass = new();
    private readonly SsmPass _ssm = new();
    private readonly TaskDefinitionCache _taskDefinitions = new();
    private readonly DescribeServicesBatcher _describe = new(policy);
    private readonly AccountGuard _account = new(policy);

    public bool Handles(ResourceManifest manifest) => manifest is EcsServiceManifest;

    public IDecider Decider => EcsServiceDecider.Instance;

    public TimeSpan ProgressDeadline(ResourceManifest manifest) =>
        (manifest as EcsServiceManifest)?.Spec.Deployment?.EffectiveProgressDeadline ?? EcsDeploymentSpec.DefaultProgressDeadline;

    public async Task<Observation> ObserveAsync(ResourceManifest desired, CancellationToken ct)
    {
        var manifest = (EcsServiceManifest)desired;
        var region = manifest.Spec.Region;
        var aws = clients.For(region);
        await _account.CheckAsync(manifest, aws.Ecs, ct);
        var resolved = await SsmResolver.ResolveAsync(manifest, aws.Ssm, policy, ct, _ssm);
        var service = _pass.TryTake(manifest.Key, PassLocation(region, manifest.Spec.Cluster), out var prefetched) ? prefetched : await DescribeServiceAsync(manifest, aws.Ecs, ct);
        if (service is null)
        {
            return new EcsObservation(resolved, null);
        }
        var taskDefinition = service.TaskDefinition is { Length: > 0 } arn
            ? await _taskDefinitions.GetAsync(arn, a => policy.RunAsync(region, "DescribeTaskDefinition",
                token => aws.Ecs.DescribeTaskDefinitionAsync(new Api.DescribeTaskDefinitionRequest { TaskDefinition = a, Include = ["TAGS"] }, token), ct))
            : null;
        var stopped = NeedsStoppedTasks(service) ? await StoppedTasksAsync(manifest, aws.Ecs, ct) : [];
        return new EcsObservation(resolved, ObservedMapper.Service(service, taskDefinition, stopped));
    }

    public async Task<WriteLocation> LocateAsync(ResourceManifest manifest, IReadOnlySet<WriteScope> restricted, CancellationToken ct)
    {
        var spec = ((EcsServiceManifest)manifest).Spec;
        var account = restricted.Contains(WriteScope.AwsAccount)
            ? await _account.AccountAsync(spec.Region, spec.Cluster, clients.For(spec.Region).Ecs, ct)
            : null;
        return WriteLocation.Of((WriteScope.AwsAccount, account), (WriteScope.AwsRegion, spec.Region), (WriteScope.EcsCluster, spec.Cluster));
    }

    public async Task<ApplyReport> ApplyAsync(Plan plan, ApplyContext context, CancellationToken ct)
    {
        var execution = new PlanExecution(clients, policy, _taskDefinitions, context);
        try
        {
            foreach (var action in plan.Actions)
            {
                await execution.ExecuteAsync(action, ct);
            }
        }
        finally
        {
            // Whatever was prefetched for this service before the write is no longer the truth.
            _pass.Written(plan.Key);
        }
        return new ApplyReport(execution.Steps, execution.WriteCalls);
    }

    public async Task BeginPassAsync(IReadOnlyList<ResourceManifest> manifests, CancellationToken ct)
    {
        var entries = _pass.Begin();
        var active = manifests.OfType<EcsServiceManifest>().Where(m => !m.SyncPolicy.Suspended).ToList();
        // The SSM reads and the service describes of a pass are independent: they run side by side.
        var parameters = _ssm.BeginAsync(active, region => clients.For(region).Ssm, policy, ct);
        var chunks = active
            .GroupBy(m => (m.Spec.Region, m.Spec.Cluster))
            .SelectMany(g => g.DistinctBy(m => m.Metadata.Name).Chunk(DescribeServicesBatcher.MaxNames))
            .ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = PrefetchParallelism, CancellationToken = ct },
            async (chunk, token) =>
            {
                var region = chunk[0].Spec.Region;
                var cluster = chunk[0].Spec.Cluster;
                var generations = chunk.ToDictionary(m => m.Key, m => _pass.Generation(m.Key));
                IReadOnlyDictionary<string, Api.Service> found;
                try
                {
                    found = await _describe.DescribeNowAsync(clients.For(region).Ecs, region, cluster, chunk.Select(m => m.Metadata.Name).ToList(), token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // Not this pass's problem: each key observes on its own and reports the error where it belongs.
                    return;
                }
                foreach (var manifest in chunk)
                {
                    entries[manifest.Key] = new PassObservations<Api.Service>.Entry(PassLocation(region, cluster), generations[manifest.Key], found.GetValueOrDefault(manifest.Metadata.Name));
                }
            });
        await parameters;
    }

    private static string PassLocation(string region, string cluster) => $"{region}/{cluster}";

    private async Task<Api.Service?> DescribeServiceAsync(EcsServiceManifest manifest, Api.IEcsApi ecs, CancellationToken ct)
    {
        try
        {
            return await _describe.DescribeAsync(ecs, manifest.Spec.Region, manifest.Spec.Cluster, manifest.Metadata.Name, ct);
        }
        catch (PlatformException ex) when (ex.InnerException is ClusterNotFoundException)
        {
            throw new PlatformException(
                $"cluster '{manifest.Spec.Cluster}' not found in {manifest.Spec.Region} ({manifest.Source.File}); " +
                "Reconciler expects clusters to exist (create them with your infrastructure code) or fix spec.cluster", retryable: false, ex);
        }
    }

    /// <summary>Stopped tasks only matter while a rollout is not settled; skip the two calls otherwise.</summary>
    private static bool NeedsStoppedTasks(Api.Service s) =>
        (s.Deployments?.Count ?? 0) > 1
        || s.RunningCount < s.DesiredCount
        || s.Deployments?.FirstOrDefault(d => d.Status == EcsStatuses.Primary)?.RolloutState is not (null or EcsStatuses.Completed);

    private async Task<IReadOnlyList<StoppedTask>> StoppedTasksAsync(EcsServiceManifest m, Api.IEcsApi ecs, CancellationToken ct)
    {
        var region = m.Spec.Region;
        var list = await policy.RunAsync(region, "ListTasks", token => ecs.ListTasksAsync(new Api.ListTasksRequest
        {
            Cluster = m.Spec.Cluster, ServiceName = m.Metadata.Name, DesiredStatus = "STOPPED", MaxResults = 20,
        }, token), ct);
        if (list.TaskArns.Count == 0)
        {
            return [];
        }
        var described = await policy.RunAsync(region, "DescribeTasks", token => ecs.DescribeTasksAsync(new Api.DescribeTasksRequest
        {
            Cluster = m.Spec.Cluster, Tasks = list.TaskArns,
        }, token), ct);
        return described.Tasks.Select(ObservedMapper.Stopped).ToList();
    }
}
