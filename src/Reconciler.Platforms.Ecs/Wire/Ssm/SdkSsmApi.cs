using Amazon.SimpleSystemsManagement;
using Sdk = Amazon.SimpleSystemsManagement.Model;

namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>
/// <see cref="ISsmApi"/> on the official AWSSDK.SimpleSystemsManagement client (configured by <see cref="SsmClientFactory"/>:
/// no SDK retries, our endpoint and credentials). SDK exceptions become the same typed <c>AwsApiException</c>s the
/// hand-written ECS client throws, so the Polly pipeline classifies both alike.
/// </summary>
internal sealed class SdkSsmApi(IAmazonSimpleSystemsManagement client) : ISsmApi, IDisposable
{
    public async Task<GetParametersResponse> GetParametersAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        if (names.Count is 0 or > ISsmApi.MaxNamesPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(names), names.Count, $"GetParameters takes 1 to {ISsmApi.MaxNamesPerCall} names a call");
        }
        var request = new Sdk.GetParametersRequest { Names = [.. names], WithDecryption = false };
        try
        {
            var response = await client.GetParametersAsync(request, ct).ConfigureAwait(false);
            return new GetParametersResponse
            {
                Parameters = response.Parameters?.Select(ToParameter).ToList() ?? [],
                InvalidParameters = response.InvalidParameters ?? [],
            };
        }
        catch (Exception e) when (SsmErrorMapper.Map("GetParameters", e, ct) is { } mapped)
        {
            throw mapped;
        }
    }

    public void Dispose() => client.Dispose();

    private static Parameter ToParameter(Sdk.Parameter p) => new()
    {
        Name = p.Name,
        Type = p.Type?.Value,
        Value = p.Value,
        Version = p.Version ?? 0,
        Selector = p.Selector,
        Arn = p.ARN,
    };
}
