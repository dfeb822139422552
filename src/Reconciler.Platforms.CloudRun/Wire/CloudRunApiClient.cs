using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
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
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), RunJson.Options));
            request.Content.Headers.ContentType = Json;
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct).ConfigureAwait(false));
        using var response = await SendOrThrowAsync(request, operation, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw RunErrorParser.Parse(operation, (int)response.StatusCode, bytes);
        }
        try
        {
            return bytes.Length == 0 ? new T() : JsonSerializer.Deserialize<T>(bytes, RunJson.Options) ?? new T();
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

    private async Task<HttpResponseMessage> SendOrThrowAsync(HttpRequestMessage request, string operation, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RunApiException(0, "UNAVAILABLE", $"{operation}: could not reach {endpoint.BaseUri}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RunApiException(0, "DEADLINE_EXCEEDED", $"{operation}: timed out waiting for {endpoint.BaseUri}", e);
        }
    }
}
