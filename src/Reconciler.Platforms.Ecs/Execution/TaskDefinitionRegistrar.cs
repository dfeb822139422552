using Reconciler.Core.Ecs;
using Reconciler.Core.Seams;
using Reconciler.Platforms.Ecs.Mapping;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Wire.Errors;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>
/// Registers a task definition only when no recent ACTIVE revision of the family carries the same fingerprint tag.
/// A crash (or a dropped connection) between RegisterTaskDefinition and UpdateService therefore never yields a
/// second revision: the retry finds the first one. An unanswered register is never repeated blindly: look first.
/// </summary>
internal sealed class TaskDefinitionRegistrar(Api.IEcsApi ecs, AwsCallPolicy policy, TaskDefinitionCache cache, string region)
{
    /// <summary>How many of the newest revisions are searched (a crashed apply leaves its revision on top).</summary>
    private const int SearchDepth = 10;

    /// <summary>Look, register, and after an unanswered register look again: that is what keeps a lost answer from doubling.</summary>
    private const int MaxUncertainAttempts = 3;

    public async Task<(string Arn, bool Reused)> EnsureAsync(EcsTaskDefinitionSpec spec, string fingerprint, string? gitRevision, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(spec.Family, fingerprint, ct) is { } existing)
            {
                return (existing, true);
            }
            try
            {
                return (await RegisterAsync(spec, fingerprint, gitRevision, ct), false);
            }
            catch (UncertainWriteException ex) when (attempt >= MaxUncertainAttempts)
            {
                throw new PlatformException($"{ex.Message} (in {region}, {attempt} attempts)", retryable: true, ex);
            }
            catch (UncertainWriteException)
            {
                // The lost call may have registered it: the next FindAsync sees it by its fingerprint tag.
            }
        }
    }

    private async Task<string> RegisterAsync(EcsTaskDefinitionSpec spec, string fingerprint, string? gitRevision, CancellationToken ct)
    {
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
        var response = await policy.RunAsync(region, AwsCallClass.Registration, "RegisterTaskDefinition", t => RegisterOnceAsync(request, t, ct), ct);
        var registered = response.TaskDefinition ?? throw new InvalidOperationException("RegisterTaskDefinition returned no task definition");
        cache.Add(ObservedMapper.TaskDefinition(registered, response.Tags ?? request.Tags));
        return registered.TaskDefinitionArn!;
    }

    /// <summary>Throttling and 4xx mean "not applied" and are retried as usual; no answer at all is uncertain.</summary>
    private async Task<Api.RegisterTaskDefinitionResponse> RegisterOnceAsync(Api.RegisterTaskDefinitionRequest request, CancellationToken attempt, CancellationToken caller)
    {
        try
        {
            return await ecs.RegisterTaskDefinitionAsync(request, attempt);
        }
        catch (AwsApiException e) when (e is AwsTransportException or ServerException)
        {
            throw new UncertainWriteException("RegisterTaskDefinition", e);
        }
        catch (OperationCanceledException e) when (!caller.IsCancellationRequested)
        {
            throw new UncertainWriteException("RegisterTaskDefinition", e);
        }
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
