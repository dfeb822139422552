using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1:0 that records every request and answers with whatever the test's
/// responder returns. Lets the tests see the bytes and headers that actually went over the socket.
/// </summary>
public sealed class AwsRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private AwsRecorder(WebApplication app) => _app = app;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public Uri Url { get; private set; } = null!;

    public static async Task<AwsRecorder> StartAsync(Func<RecordedRequest, CannedResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new AwsRecorder(app);
        app.MapPost("/", (HttpContext context) => recorder.HandleAsync(context, respond));
        await app.StartAsync();
        recorder.Url = new Uri(app.Urls.Single());
        return recorder;
    }

    private async Task HandleAsync(HttpContext context, Func<RecordedRequest, CannedResponse> respond)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new RecordedRequest(context.Request.Method, context.Request.Path, headers, body.ToArray());
        _requests.Enqueue(request);
        var response = respond(request);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
