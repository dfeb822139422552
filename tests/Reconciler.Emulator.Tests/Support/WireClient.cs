using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Testing.Specs;

namespace Reconciler.Emulator.Tests.Support;

/// <summary>
/// Posts AWS JSON 1.1 requests with a well-formed (unverified) SigV4 header. Every request is checked against the
/// official model's input shape and every 200 response against its output shape, so no test can pass on a
/// response a real SDK could not read.
/// </summary>
internal sealed class WireClient(HttpClient http, string region = "us-east-1")
{
    public static string Authorization(string region, string service) =>
        $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/{region}/{service}/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

    public WireClient InRegion(string other) => new(http, other);

    public Task<WireResponse> EcsAsync(string operation, object? body = null, bool validateInput = true) =>
        SendAsync(AwsServiceModel.Ecs, "ecs", operation, body, validateInput);

    public Task<WireResponse> SsmAsync(string operation, object? body = null, bool validateInput = true) =>
        SendAsync(AwsServiceModel.Ssm, "ssm", operation, body, validateInput);

    /// <summary>Sends and asserts HTTP 200; returns the body.</summary>
    public async Task<JsonObject> EcsOkAsync(string operation, object? body = null) => Ok(await EcsAsync(operation, body), operation);

    public async Task<JsonObject> SsmOkAsync(string operation, object? body = null) => Ok(await SsmAsync(operation, body), operation);

    public async Task<WireResponse> RawAsync(string target, string json, string? authorization, string contentType = "application/x-amz-json-1.1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new WireResponse(response.StatusCode, JsonNode.Parse(text) as JsonObject ?? []);
    }

    private async Task<WireResponse> SendAsync(AwsServiceModel model, string service, string operation, object? body, bool validateInput)
    {
        // Round-trip through text so numbers are read the way a server reads them.
        var built = body as JsonObject ?? JsonSerializer.SerializeToNode(body ?? new { }) as JsonObject ?? [];
        var json = (JsonObject)JsonNode.Parse(built.ToJsonString())!;
        if (validateInput)
        {
            Assert.That(model.ValidateInput(operation, json), Is.Empty, $"the test's {operation} request does not match the {service} model");
        }
        var response = await RawAsync($"{model.TargetPrefix}.{operation}", json.ToJsonString(), Authorization(region, service));
        if (response.Status == HttpStatusCode.OK)
        {
            Assert.That(model.ValidateOutput(operation, response.Body), Is.Empty, $"the emulator's {operation} response does not match the {service} model");
        }
        return response;
    }

    private static JsonObject Ok(WireResponse response, string operation)
    {
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), $"{operation} failed: {response.ErrorType}: {response.Message}");
        return response.Body;
    }
}
