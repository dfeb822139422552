using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reconciler.Testing.Verification;

/// <summary>
/// A real Kestrel endpoint on 127.0.0.1 (an ephemeral port) playing a service's health endpoint: every path answers
/// <see cref="Status"/> with <see cref="Body"/>, as the test sets them; the paths asked are kept in order.
/// </summary>
public sealed class HealthEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _paths = new();

    private HealthEndpoint(WebApplication app) => _app = app;

    public volatile int Status = 200;
    public volatile string Body = "{\"status\":\"ok\"}";

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<string> Paths => [.. _paths];

    public static async Task<HealthEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new HealthEndpoint(app);
        app.Run(async context =>
        {
            endpoint._paths.Enqueue(context.Request.Path + context.Request.QueryString);
            context.Response.StatusCode = endpoint.Status;
            await context.Response.WriteAsync(endpoint.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("no server");
        endpoint.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
