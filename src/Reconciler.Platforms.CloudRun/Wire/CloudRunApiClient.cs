using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reconciler.Platforms.CloudRun.Wire.Auth;
using Reconciler.Platforms.CloudRun.Wire.Errors;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Wire;

/// <summary>
/// Admin API v2 over REST: <c>{base}v2/{name}</c>, a bearer token on every request, JSON bodies, Google's error
/// body turned into a typed exception. Nothing is logged here.
/// </summary>
internal sealed class CloudRunApiClient(HttpClient http, CloudRunEndpoint endpoint, IAccessTokenSource tokens) : ICloudRunApi
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public Task<RunService> GetServiceAsync(string name, CancellationToken ct) =>
        SendAsync<RunService>("services.get", HttpMethod.Get, name, [], null, ct);

    public Task<ListServicesResponse> ListServicesAsync(string parent, string? pageToken, int? pageSize, CancellationToken ct) =>
        SendAsync<ListServicesResponse>("services.list", HttpMethod.Get, $"{parent}/services", Paging(pageToken, pageSize), null, ct);

    public Task<RunOperation> CreateServiceAsync(string parent, string serviceId, RunService service, CancellationToken ct) =>
        SendAsync<RunOperation>("services.create", HttpMethod.Post, $"{parent}/services", [("serviceId", serviceId)], service, ct);

    public Task<RunOperation> PatchServiceAsync(RunService service, string? updateMask, CancellationToken ct) =>
        SendAsync<RunOperation>("services.patch", HttpMethod.Patch,
            service.Name ?? throw new ArgumentException("a patched service needs its name", nameof(service)),
            updateMask is null ? [] : [("updateMask", updateMask)], service, ct);

    public Task<ListRevisionsResponse> ListRevisionsAsync(string service, string? pageToken, int? pageSize, CancellationToken ct) =>
        SendAsync<ListRevisionsResponse>("revisions.list", HttpMethod.Get, $"{service}/revisions", Paging(pageToken, pageSize), null, ct);

    public Task<RunRevision> GetRevisionAsync(string name, CancellationToken ct) =>
        SendAsync<RunRevision>("revisions.get", HttpMethod.Get, name, [], null, ct);

    public Task<RunOperation> GetOperationAsync(string name, CancellationToken ct) =>
        SendAsync<RunOperation>("operations.get", HttpMethod.Get, name, [], null, ct);

    public Task<RunOperation> WaitOperationAsync(string name, TimeSpan timeout, CancellationToken ct) =>
        SendAsync<RunOperation>("operations.wait", HttpMethod.Post, $"{name}:wait", [],
            new WaitOperationRequest { Timeout = Durations.Format(timeout) }, ct);

    private static (string, string)[] Paging(string? pageToken, int? pageSize)
    {
        var query = new List<(string, string)>();
        if (pageSize is { } size)
        {
            query.Add(("pageSize", size.ToString(CultureInfo.InvariantCulture)));
        }
        if (!string.IsNullOrEmpty(pageToken))
        {
            query.Add(("pageToken", pageToken));
        }
        return [.. query];
    }

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string path, (string Key, string Value)[] query, object? body, CancellationToken ct)
        where T : new()
    {
        using var request = new HttpRequestMessage(method, Url(path, query));
        if (body is not null)
        {
            // By the runtime type, as before: the context (RunJsonContext) has a contract for every body we send.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, RunJson.Options.GetTypeInfo(body.GetType())));
            request.Content.Headers.ContentType = Json;
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct).ConfigureAwait(false));
        // The answer is streamed (a large list is not copied into one big array), so the client's timeout, which then
        // covers only the headers, is applied to the whole exchange here.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(http.Timeout);
        using var response = await OrTransportErrorAsync(operation,
            token => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token), deadline.Token, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var bytes = await OrTransportErrorAsync(operation, response.Content.ReadAsByteArrayAsync, deadline.Token, ct).ConfigureAwait(false);
            throw RunErrorParser.Parse(operation, (int)response.StatusCode, bytes);
        }
        return await OrTransportErrorAsync(operation, token => DeserializeAsync<T>(operation, response.Content, token), deadline.Token, ct)
            .ConfigureAwait(false);
    }

    /// <summary>Reads the answer from the connection as it arrives (<see cref="Core.Wire.JsonAnswer"/>); an empty body is an empty response.</summary>
    private static async Task<T> DeserializeAsync<T>(string operation, HttpContent content, CancellationToken ct) where T : new()
    {
        try
        {
            return await Core.Wire.JsonAnswer.ReadAsync(content, (JsonTypeInfo<T>)RunJson.Options.GetTypeInfo(typeof(T)), ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new RunApiException(200, "MALFORMED_RESPONSE", $"{operation}: the answer could not be read at {e.Path ?? "$"}");
        }
    }

    private Uri Url(string path, (string Key, string Value)[] query)
    {
        var text = new StringBuilder(endpoint.BaseUri.AbsoluteUri).Append("v2/").Append(path);
        for (var i = 0; i < query.Length; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }
        return new Uri(text.ToString());
    }

    /// <summary>Sending or reading the answer: an unreachable endpoint or a broken connection is UNAVAILABLE, the client's
    /// timeout (a cancellation the caller did not ask for) DEADLINE_EXCEEDED; both retryable (status 0).</summary>
    private async Task<TResult> OrTransportErrorAsync<TResult>(string operation, Func<CancellationToken, Task<TResult>> step, CancellationToken deadline, CancellationToken ct)
    {
        try
        {
            return await step(deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RunApiException(0, "UNAVAILABLE", $"{operation}: could not reach {endpoint.BaseUri}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RunApiException(0, "DEADLINE_EXCEEDED", $"{operation}: timed out waiting for {endpoint.BaseUri}", e);
        }
    }
}
