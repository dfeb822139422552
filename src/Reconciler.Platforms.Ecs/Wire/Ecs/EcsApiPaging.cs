namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>Follows <c>nextToken</c> through every page of the List* operations.</summary>
public static class EcsApiPaging
{
    // A guard against a server that keeps returning a token; far above any real account's page count.
    private const int MaxPages = 1000;

    public static async Task<IReadOnlyList<string>> ListAllTaskDefinitionArnsAsync(
        this IEcsApi ecs, ListTaskDefinitionsRequest request, CancellationToken ct = default)
    {
        var arns = new List<string>();
        for (var (page, token) = (0, request.NextToken); page < MaxPages; page++)
        {
            var response = await ecs.ListTaskDefinitionsAsync(request with { NextToken = token }, ct).ConfigureAwait(false);
            arns.AddRange(response.TaskDefinitionArns);
            if (string.IsNullOrEmpty(token = response.NextToken))
            {
                break;
            }
        }
        return arns;
    }

    public static async Task<IReadOnlyList<string>> ListAllTaskArnsAsync(
        this IEcsApi ecs, ListTasksRequest request, CancellationToken ct = default)
    {
        var arns = new List<string>();
        for (var (page, token) = (0, request.NextToken); page < MaxPages; page++)
        {
            var response = await ecs.ListTasksAsync(request with { NextToken = token }, ct).ConfigureAwait(false);
            arns.AddRange(response.TaskArns);
            if (string.IsNullOrEmpty(token = response.NextToken))
            {
                break;
            }
        }
        return arns;
    }
}
