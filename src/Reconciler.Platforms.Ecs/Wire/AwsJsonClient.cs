using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
        var body = JsonSerializer.SerializeToUtf8Bytes(request, Contract<TRequest>());
        using var message = await CreateSignedMessageAsync(operation, body, ct).ConfigureAwait(false);
        // The answer is streamed (a large DescribeServices answer is not copied into one big array), so the client's
        // timeout, which then covers only the headers, is applied to the whole exchange here.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(http.Timeout);
        using var response = await OrTransportErrorAsync(operation,
            token => http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token), deadline.Token, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var bytes = await OrTransportErrorAsync(operation, response.Content.ReadAsByteArrayAsync, deadline.Token, ct).ConfigureAwait(false);
            throw AwsErrorParser.Parse(service.DisplayName, operation, (int)response.StatusCode, bytes, response.Headers);
        }
        return await OrTransportErrorAsync(operation, token => DeserializeAsync<TResponse>(operation, response.Content, token), deadline.Token, ct)
            .ConfigureAwait(false);
    }

    /// <summary>The record's source-generated contract (<see cref="EcsJsonContext"/>); no reflection, so Native AOT can run it.</summary>
    private JsonTypeInfo<T> Contract<T>() => (JsonTypeInfo<T>)service.Json.GetTypeInfo(typeof(T));

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

    /// <summary>Sending or reading the answer: an unreachable endpoint, a broken connection or the client's timeout
    /// (a cancellation the caller did not ask for) becomes a retryable <see cref="AwsTransportException"/>.</summary>
    private async Task<T> OrTransportErrorAsync<T>(string operation, Func<CancellationToken, Task<T>> step, CancellationToken deadline, CancellationToken ct)
    {
        try
        {
            return await step(deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new AwsTransportException(AwsErrorCodes.Transport,
                $"{service.DisplayName} {operation} could not reach {service.Url}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout (or our deadline for the body) surfaces as a cancellation the caller did not ask for.
            throw new AwsTransportException(AwsErrorCodes.Timeout,
                $"{service.DisplayName} {operation} timed out waiting for {service.Url}", e);
        }
    }

    /// <summary>Reads the answer from the connection as it arrives (<see cref="Core.Wire.JsonAnswer"/>); an empty body is an empty response.</summary>
    private async Task<TResponse> DeserializeAsync<TResponse>(string operation, HttpContent content, CancellationToken ct) where TResponse : new()
    {
        try
        {
            return await Core.Wire.JsonAnswer.ReadAsync(content, Contract<TResponse>(), ct).ConfigureAwait(false);
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
