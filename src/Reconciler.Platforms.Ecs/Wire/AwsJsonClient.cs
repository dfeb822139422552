using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Wire;

/// <summary>
/// One AWS JSON 1.1 call: <c>POST /</c> with <c>X-Amz-Target: {prefix}.{operation}</c>, SigV4-signed, the JSON
/// response read into a record or the error turned into an <see cref="AwsApiException"/>. No retries here: the
/// engine's Polly pipeline owns retrying. Nothing is logged, so decrypted SSM values cannot leak from here.
/// </summary>
internal sealed class AwsJsonClient(HttpClient http, AwsServiceEndpoint service, IAwsCredentialsSource credentials, TimeProvider time)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    public async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken ct)
        where TResponse : new()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, service.Json);
        using var message = await CreateSignedMessageAsync(operation, body, ct).ConfigureAwait(false);
        using var response = await SendOrThrowAsync(message, operation, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw AwsErrorParser.Parse(service.DisplayName, operation, (int)response.StatusCode, bytes, response.Headers);
        }
        return Deserialize<TResponse>(operation, bytes);
    }

    private async Task<HttpRequestMessage> CreateSignedMessageAsync(string operation, byte[] body, CancellationToken ct)
    {
        var target = $"{service.TargetPrefix}.{operation}";
        var creds = await credentials.GetAsync(ct).ConfigureAwait(false);
        var signed = SigV4Signer.Sign(new SigV4Request(
            "POST", service.Url,
            new Dictionary<string, string> { ["content-type"] = JsonContentType.MediaType!, ["x-amz-target"] = target },
            body, creds, service.Region, service.SigningName, time.GetUtcNow()));
        var message = new HttpRequestMessage(HttpMethod.Post, service.Url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = JsonContentType;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", signed.AmzDate);
        if (signed.SecurityToken is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", signed.SecurityToken);
        }
        message.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
        return message;
    }

    private async Task<HttpResponseMessage> SendOrThrowAsync(HttpRequestMessage message, string operation, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new AwsTransportException(AwsErrorCodes.Transport,
                $"{service.DisplayName} {operation} could not reach {service.Url}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation the caller did not ask for.
            throw new AwsTransportException(AwsErrorCodes.Timeout,
                $"{service.DisplayName} {operation} timed out waiting for {service.Url}", e);
        }
    }

    private TResponse Deserialize<TResponse>(string operation, byte[] bytes) where TResponse : new()
    {
        if (bytes.Length == 0)
        {
            return new TResponse();
        }
        try
        {
            return JsonSerializer.Deserialize<TResponse>(bytes, service.Json) ?? new TResponse();
        }
        catch (JsonException e)
        {
            // Only the JSON path: the payload may hold decrypted SSM values, so neither it nor the inner exception is kept.
            throw new AwsApiException(AwsErrorCodes.MalformedResponse,
                $"{service.DisplayName} {operation} returned a response that could not be read at {e.Path ?? "$"}",
                httpStatus: 200, isRetryable: false);
        }
    }
}
