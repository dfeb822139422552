namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>Follows <c>NextToken</c> through every page of GetParametersByPath.</summary>
public static class SsmApiPaging
{
    // A guard against a server that keeps returning a token.
    private const int MaxPages = 1000;

    public static async Task<IReadOnlyList<Parameter>> GetAllParametersByPathAsync(
        this ISsmApi ssm, GetParametersByPathRequest request, CancellationToken ct = default)
    {
        var parameters = new List<Parameter>();
        for (var (page, token) = (0, request.NextToken); page < MaxPages; page++)
        {
            var response = await ssm.GetParametersByPathAsync(request with { NextToken = token }, ct).ConfigureAwait(false);
            parameters.AddRange(response.Parameters);
            if (string.IsNullOrEmpty(token = response.NextToken))
            {
                break;
            }
        }
        return parameters;
    }
}
