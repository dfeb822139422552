using Reconciler.Core.CloudRun;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;
using Reconciler.Platforms.CloudRun.Mapping;
using Reconciler.Platforms.CloudRun.Naming;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Errors;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Execution;

/// <summary>
/// Executes one plan's actions in order, each idempotent: a deploy names its revision from the template fingerprint
/// (a retried patch creates nothing new; an unchanged template makes no revision), a traffic shift patches only
/// <c>traffic</c>, annotations are upserts. Each write's long-running operation is followed within the budget.
/// Each action carries where it writes (region, project): nothing is taken from an earlier observe.
/// </summary>
internal sealed class PlanExecution(
    ICloudRunApi api,
    CloudRunCallPolicy policy,
    OperationFollower follower,
    ApplyContext context)
{
    public List<string> Steps { get; } = [];

    public int WriteCalls { get; private set; }

    public async Task ExecuteAsync(PlannedAction action, CancellationToken ct)
    {
        switch (action)
        {
            case DeployRevision deploy:
                await DeployAsync(deploy, ct);
                break;
            case ShiftTraffic shift:
                await ShiftTrafficAsync(shift.Key, shift.Location, shift.Targets, ct);
                break;
            case RollBack rollBack:
                // What 'gcloud run services update-traffic --to-revisions REV=100' does: a patch of traffic only.
                await ShiftTrafficAsync(rollBack.Key, rollBack.Location, [new CloudRunTrafficTarget(100, Revision: rollBack.TargetVersion)], ct);
                break;
            case TagService tag:
                await AnnotateAsync(tag.Key, tag.Location, tag.Tags, ct);
                break;
            default:
                throw new PlatformException($"{action.Verb} is not a Cloud Run action", retryable: false);
        }
    }

    private async Task DeployAsync(DeployRevision deploy, CancellationToken ct)
    {
        var spec = deploy.Spec;
        var name = ResourceNames.Service(spec.Project, spec.Region, deploy.Key.Name);
        var revision = RevisionNames.For(deploy.Key.Name, deploy.Fingerprint);
        RunOperation operation;
        try
        {
            operation = await WriteTemplateAsync(deploy, name, revision, ct);
        }
        catch (RevisionConflictException conflict)
        {
            // The short name is taken by another template (an older build, a hand deploy): the longer name is just as deterministic.
            Steps.Add($"revision name {conflict.Revision} is taken by a different template; using a longer name");
            revision = RevisionNames.ForConflict(deploy.Key.Name, deploy.Fingerprint);
            operation = await WriteTemplateAsync(deploy, name, revision, ct);
        }
        operation = await follower.FollowAsync(spec.Project, spec.Region, operation, ct);
        Steps.Add(operation switch
        {
            { IsDone: true, Error: { } error } => $"deployed {revision}; Cloud Run reports: {error.Message}",
            { IsDone: true } => $"deployed {revision}",
            _ => $"deploying {revision} (operation still running)",
        });
    }

    private async Task<RunOperation> WriteTemplateAsync(DeployRevision deploy, string name, string revision, CancellationToken ct)
    {
        var spec = deploy.Spec;
        var state = StateAnnotations.ForDeploy(deploy.Fingerprint, revision, SpecFingerprint.OfService(spec), context.GitRevision);
        if (deploy.Create)
        {
            var body = RequestMapper.Service(spec, null, revision, state);
            try
            {
                return await Write(spec, "services.create", t => api.CreateServiceAsync(ResourceNames.Location(spec.Project, spec.Region), deploy.Key.Name, body, t), ct);
            }
            catch (RunApiException e) when (e.IsAlreadyExists)
            {
                // A create whose answer was lost, or a service made since observe: patch it to the same template instead.
                Steps.Add($"service {deploy.Key.Name} already exists; patching it");
            }
        }
        var live = await ReadAsync(spec.Project, spec.Region, name, ct);
        var annotations = StateAnnotations.Merge(live?.Annotations, state);
        if (live is null)
        {
            // Deleted since observe: create it rather than fail with NOT_FOUND.
            var body = RequestMapper.Service(spec, null, revision, annotations);
            return await Write(spec, "services.create", t => api.CreateServiceAsync(ResourceNames.Location(spec.Project, spec.Region), deploy.Key.Name, body, t), ct);
        }
        var patch = RequestMapper.Service(spec, name, revision, annotations);
        return await Write(spec, "services.patch", t => api.PatchServiceAsync(patch, RequestMapper.DeployMask(spec), t), ct);
    }

    private async Task ShiftTrafficAsync(ResourceKey key, ActionLocation where, IReadOnlyList<CloudRunTrafficTarget> targets, CancellationToken ct)
    {
        var location = Location(key, where);
        var live = await ReadAsync(location.Project, location.Region, location.Name, ct)
            ?? throw new PlatformException($"cannot shift traffic of {key}: the service does not exist", retryable: false);
        // The body is the live service with only traffic replaced; the mask says so too. The template (and its
        // revision name) is sent as it is, so no revision is created even where a mask were ignored.
        var body = live.ForWrite();
        body.Traffic = RequestMapper.Traffic(targets);
        var operation = await Write(location, "services.patch", t => api.PatchServiceAsync(body, "traffic", t), ct);
        operation = await follower.FollowAsync(location.Project, location.Region, operation, ct);
        if (operation is { IsDone: true, Error: { } error })
        {
            throw new PlatformException($"Cloud Run rejected the traffic split of {key}: {error.Message}", retryable: false);
        }
        Steps.Add($"traffic of {key.Name}: {string.Join(", ", targets.Select(t => $"{(t.Latest == true ? "latest" : t.Revision)}={t.Percent}%"))}");
    }

    private async Task AnnotateAsync(ResourceKey key, ActionLocation where, IReadOnlyDictionary<string, string> annotations, CancellationToken ct)
    {
        var location = Location(key, where);
        var live = await ReadAsync(location.Project, location.Region, location.Name, ct)
            ?? throw new PlatformException($"cannot annotate {key}: the service does not exist", retryable: false);
        var body = live.ForWrite();
        body.Annotations = StateAnnotations.Merge(live.Annotations, annotations);
        await Write(location, "services.patch", t => api.PatchServiceAsync(body, "annotations", t), ct);
        Steps.Add($"annotated {key.Name}: {string.Join(", ", annotations.Keys.Order(StringComparer.Ordinal))}");
    }

    private async Task<RunService?> ReadAsync(string project, string region, string name, CancellationToken ct)
    {
        try
        {
            return await policy.RunAsync(project, region, CallKind.Read, "services.get", t => api.GetServiceAsync(name, t), ct);
        }
        catch (RunApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private Task<RunOperation> Write(CloudRunServiceSpec spec, string operation, Func<CancellationToken, Task<RunOperation>> call, CancellationToken ct) =>
        Write(new ServiceLocation(spec.Project, spec.Region, ""), operation, call, ct);

    private async Task<RunOperation> Write(ServiceLocation location, string operation, Func<CancellationToken, Task<RunOperation>> call, CancellationToken ct)
    {
        var result = await policy.RunAsync(location.Project, location.Region, CallKind.Write, operation, call, ct);
        WriteCalls++;
        return result;
    }

    /// <summary>The action carries region and project; the full resource name follows from them and the key.</summary>
    private static ServiceLocation Location(ResourceKey key, ActionLocation where) =>
        new(where.Parent, where.Region, ResourceNames.Service(where.Parent, where.Region, key.Name));
}
