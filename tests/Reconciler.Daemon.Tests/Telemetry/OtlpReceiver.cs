using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>
/// A stand-in OTLP/HTTP collector on 127.0.0.1:0: keeps every POST /v1/traces body and completes a signal when one
/// contains a given text (protobuf carries span names and attribute values as plain UTF-8).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<byte[]> _bodies = new();
    private readonly ConcurrentDictionary<TaskCompletionSource, string> _waiters = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri BaseUri => new(_app.Urls.First());

    public IReadOnlyList<byte[]> Bodies => _bodies.ToList();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.Received(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async Task WaitForAsync(string text, TimeSpan guard)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[waiter] = text;
        if (_bodies.Any(b => Contains(b, text))) waiter.TrySetResult();
        try
        {
            await waiter.Task.WaitAsync(guard);
        }
        finally
        {
            _waiters.TryRemove(waiter, out _);
        }
    }

    public static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Received(byte[] body)
    {
        _bodies.Enqueue(body);
        foreach (var (waiter, text) in _waiters)
        {
            if (Contains(body, text)) waiter.TrySetResult();
        }
    }
}
