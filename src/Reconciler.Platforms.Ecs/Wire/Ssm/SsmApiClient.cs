namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>SSM over AWS JSON 1.1 (<c>AmazonSSM.*</c>).</summary>
internal sealed class SsmApiClient(AwsJsonClient client) : ISsmApi
{
    internal const int GetParametersBatch = 10;

    public Task<GetParametersResponse> GetParametersAsync(GetParametersRequest request, CancellationToken ct = default) =>
        Batching.RunAsync(request.Names, GetParametersBatch,
            batch => client.SendAsync<GetParametersRequest, GetParametersResponse>("GetParameters", request with { Names = batch }, ct),
            (a, b) => new() { Parameters = [.. a.Parameters, .. b.Parameters], InvalidParameters = [.. a.InvalidParameters, .. b.InvalidParameters] });

    public Task<GetParametersByPathResponse> GetParametersByPathAsync(GetParametersByPathRequest request, CancellationToken ct = default) =>
        client.SendAsync<GetParametersByPathRequest, GetParametersByPathResponse>("GetParametersByPath", request, ct);

    public Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken ct = default) =>
        client.SendAsync<GetParameterRequest, GetParameterResponse>("GetParameter", request, ct);
}
