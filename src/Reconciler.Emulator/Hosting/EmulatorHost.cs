using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Reconciler.Emulator.Admin;
using Reconciler.Emulator.Run;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Hosting;

/// <summary>
/// A running emulator on 127.0.0.1: ECS and SSM over the JSON 1.1 wire protocol and Cloud Run over v2 REST at <see cref="BaseUri"/>,
/// admin endpoints under <c>/_emulator</c>, and <see cref="State"/> for in-process control.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, EmulatorControl control, Uri baseUri)
    {
        _app = app;
        State = control;
        BaseUri = baseUri;
    }

    /// <summary>e.g. http://127.0.0.1:4566/ — point an AWS client's service URL here.</summary>
    public Uri BaseUri { get; }

    public EmulatorControl State { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var core = new EmulatorCore(options);
        var control = new EmulatorControl(core);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var wire = new WireEndpoint(core);
        var admin = new AdminEndpoints(core, control);
        var run = new RunEndpoint(core);
        app.Run(context => Route(context, wire, admin, run));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Urls.First();
        return new EmulatorHost(app, control, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task Route(HttpContext context, WireEndpoint wire, AdminEndpoints admin, RunEndpoint run)
    {
        if (context.Request.Path.StartsWithSegments("/v2/projects"))
        {
            return run.HandleAsync(context);
        }
        if (context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix))
        {
            return admin.HandleAsync(context);
        }
        if (context.Request.Path == "/" && HttpMethods.IsPost(context.Request.Method))
        {
            return wire.HandleAsync(context);
        }
        return WireResponses.WriteErrorAsync(context, "UnknownOperationException", "The emulator answers POST / (AWS JSON 1.1), /v2/projects/... (Cloud Run Admin API v2) and /_emulator/*.", 404);
    }
}
