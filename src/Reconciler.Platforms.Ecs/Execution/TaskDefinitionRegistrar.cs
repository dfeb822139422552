using Reconciler.Core.Ecs;
using Reconciler.Platforms.Ecs.Mapping;
using Reconciler.Platforms.Ecs.Resilience;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>
/// Registers a task definition only when no recent ACTIVE revision of the family carries the same fingerprint tag.
/// A crash (or a dropped connection) between RegisterTaskDefinition and UpdateService therefore never yields a
/// second revision: the retry finds the first one. The whole look-up-then-register is the retried unit.
/// </summary>
internal sealed class TaskDefinitionRegistrar(Api.IEcsApi ecs, AwsCallPolicy policy, TaskDefinitionCache cache, string region)
{
    /// <summary>How many of the newest revisions are searched (a crashed apply leaves its revision on top).</summary>
    private const int SearchDepth = 10;

    public async Task<(string Arn, bool Reused)> EnsureAsync(EcsTaskDefinitionSpec spec, string fingerprint, string? gitRevision, CancellationToken ct)
    {
        if (await FindAsync(spec.Family, fingerprint, ct) is { } existing)
        {
            return (existing, true);
        }
        var tags = new Dictionary<string, string>
        {
            [TagKeys.ManagedBy] = TagKeys.ManagedByValue,
            [TagKeys.Fingerprint] = fingerprint,
        };
        if (gitRevision is not null)
        {
            tags[TagKeys.GitRevision] = gitRevision;
        }
        var request = RequestMapper.Register(spec, tags);
        var response = await policy.RunAsync(region, "RegisterTaskDefinition", t => ecs.RegisterTaskDefinitionAsync(request, t), ct);
        var registered = response.TaskDefinition ?? throw new InvalidOperationException("RegisterTaskDefinition returned no task definition");
        cache.Add(ObservedMapper.TaskDefinition(registered, response.Tags ?? request.Tags));
        return (registered.TaskDefinitionArn!, false);
    }

    private async Task<string?> FindAsync(string family, string fingerprint, CancellationToken ct)
    {
        var page = await policy.RunAsync(region, "ListTaskDefinitions", t => ecs.ListTaskDefinitionsAsync(new Api.ListTaskDefinitionsRequest
        {
            FamilyPrefix = family, Status = "ACTIVE", Sort = "DESC", MaxResults = SearchDepth,
        }, t), ct);
        foreach (var arn in page.TaskDefinitionArns.Where(a => a.Contains($":task-definition/{family}:", StringComparison.Ordinal)))
        {
            var observed = await cache.GetAsync(arn, a => policy.RunAsync(region, "DescribeTaskDefinition",
                t => ecs.DescribeTaskDefinitionAsync(new Api.DescribeTaskDefinitionRequest { TaskDefinition = a, Include = ["TAGS"] }, t), ct));
            if (observed?.Fingerprint == fingerprint)
            {
                return arn;
            }
        }
        return null;
    }
}
