using System.Security.Cryptography;
using System.Text;
using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;
using Reconciler.Platforms.Ecs.Mapping;
using Reconciler.Platforms.Ecs.Resilience;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>
/// Executes one plan's actions in order. Every action is idempotent: task definitions are found by fingerprint
/// before registering, services are created with a clientToken derived from key + fingerprint, tags are upserts.
/// Each action carries where it writes (region, cluster, ARN): nothing is taken from an earlier observe.
/// </summary>
internal sealed class PlanExecution(
    EcsRegionClients clients,
    AwsCallPolicy policy,
    TaskDefinitionCache taskDefinitions,
    ApplyContext context)
{
    private readonly Dictionary<string, string> _arnByFingerprint = new(StringComparer.Ordinal);

    /// <summary>An empty revision (one-shot apply without --revision) is no revision: no empty tag is written.</summary>
    private readonly string? _revision = string.IsNullOrEmpty(context.GitRevision) ? null : context.GitRevision;

    public List<string> Steps { get; } = [];

    public int WriteCalls { get; private set; }

    public async Task ExecuteAsync(PlannedAction action, CancellationToken ct)
    {
        switch (action)
        {
            case RegisterTaskDefinition register:
                await EnsureTaskDefinitionAsync(register.Region, register.Spec, register.Fingerprint, ct);
                break;
            case CreateService create:
                await CreateAsync(create, ct);
                break;
            case UpdateService update:
                await UpdateAsync(update, ct);
                break;
            case TagService tag:
                await TagAsync(tag.Key, tag.Location, tag.TargetFingerprint is { } fp ? WithTarget(tag.Tags, RegisteredInThisPlan(tag, fp)) : tag.Tags, ct);
                break;
            case RollBack rollBack:
                await RollBackAsync(rollBack, ct);
                break;
            default:
                throw new PlatformException($"{action.Verb} is not an ECS action", retryable: false);
        }
    }

    private async Task<string> EnsureTaskDefinitionAsync(string region, EcsTaskDefinitionSpec spec, string fingerprint, CancellationToken ct)
    {
        if (_arnByFingerprint.TryGetValue(fingerprint, out var known))
        {
            return known;
        }
        var registrar = new TaskDefinitionRegistrar(clients.For(region).Ecs, policy, taskDefinitions, region);
        var (arn, reused) = await registrar.EnsureAsync(spec, fingerprint, _revision, ct);
        if (!reused)
        {
            WriteCalls++;
        }
        Steps.Add(reused ? $"reused task definition {Short(arn)} (same fingerprint)" : $"registered task definition {Short(arn)}");
        _arnByFingerprint[fingerprint] = arn;
        return arn;
    }

    private async Task CreateAsync(CreateService create, CancellationToken ct)
    {
        var arn = await EnsureTaskDefinitionAsync(create.Spec.Region, create.Spec.TaskDefinition, create.Fingerprint, ct);
        var tags = WithTarget(EcsPlanner.CreationTags(create.Spec, create.Fingerprint, new PlanContext(_revision)), arn);
        var token = ClientToken(create.Key, create.Fingerprint);
        var ecs = clients.For(create.Spec.Region).Ecs;
        await policy.RunAsync(create.Spec.Region, "CreateService",
            t => ecs.CreateServiceAsync(RequestMapper.Create(create.Key.Name, create.Spec, arn, token, tags), t), ct);
        WriteCalls++;
        Steps.Add($"created service {create.Key.Name} with {Short(arn)}");
    }

    private async Task UpdateAsync(UpdateService update, CancellationToken ct)
    {
        var spec = update.Spec;
        string? arn = null;
        if (update.TaskDefinitionFingerprint is { } fingerprint)
        {
            arn = await EnsureTaskDefinitionAsync(spec.Region, spec.TaskDefinition, fingerprint, ct);
        }
        var ecs = clients.For(spec.Region).Ecs;
        await policy.RunAsync(spec.Region, "UpdateService",
            t => ecs.UpdateServiceAsync(RequestMapper.Update(update.Key.Name, spec, arn, update.DesiredCount, update.Settings), t), ct);
        WriteCalls++;
        Steps.Add($"updated service {update.Key.Name}" + (arn is null ? "" : $" to {Short(arn)}") + (update.DesiredCount is { } n ? $", desiredCount {n}" : ""));
    }

    private async Task RollBackAsync(RollBack rollBack, CancellationToken ct)
    {
        var location = rollBack.Location;
        var ecs = clients.For(location.Region).Ecs;
        await policy.RunAsync(location.Region, "UpdateService", t => ecs.UpdateServiceAsync(new Api.UpdateServiceRequest
        {
            Cluster = location.Parent, Service = rollBack.Key.Name, TaskDefinition = rollBack.TargetVersion,
        }, t), ct);
        WriteCalls++;
        Steps.Add($"rolled back {rollBack.Key.Name} to {Short(rollBack.TargetVersion)}: {rollBack.Reason}");
    }

    private async Task TagAsync(ResourceKey key, ActionLocation location, IReadOnlyDictionary<string, string> tags, CancellationToken ct)
    {
        if (location.ResourceId is not { Length: > 0 } arn)
        {
            throw new PlatformException($"cannot tag {key}: the plan carries no service ARN (tags of a new service go with CreateService)", retryable: false);
        }
        var ecs = clients.For(location.Region).Ecs;
        await policy.RunAsync(location.Region, "TagResource",
            t => ecs.TagResourceAsync(new Api.TagResourceRequest { ResourceArn = arn, Tags = RequestMapper.Tags(tags) }, t), ct);
        WriteCalls++;
        Steps.Add($"tagged {key.Name}: {string.Join(", ", tags.Keys.Order(StringComparer.Ordinal))}");
    }

    private string RegisteredInThisPlan(TagService tag, string fingerprint) =>
        _arnByFingerprint.TryGetValue(fingerprint, out var arn)
            ? arn
            : throw new PlatformException($"{tag.Key}: the plan tags a target no earlier action registered (internal ordering error)", retryable: false);

    private static IReadOnlyDictionary<string, string> WithTarget(IReadOnlyDictionary<string, string> tags, string arn) =>
        new Dictionary<string, string>(tags) { [TagKeys.Target] = arn };

    /// <summary>CreateService's clientToken (≤ 36 chars): same key + fingerprint ⇒ same token ⇒ ECS creates once.</summary>
    internal static string ClientToken(ResourceKey key, string fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}|{fingerprint}")))[..32];

    private static string Short(string arn) => arn[(arn.LastIndexOf('/') + 1)..];
}
