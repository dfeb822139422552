using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Reconciler.Core.Model;
using Reconciler.Daemon.Hosting;
using Reconciler.Daemon.Http;
using Reconciler.Emulator.Hosting;
using Reconciler.Engine.Controller;
using Reconciler.Engine.Status;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>One in-process daemon (the real <see cref="DaemonHost"/> on Kestrel, 127.0.0.1:0) and handles into it.</summary>
internal sealed class RunningDaemon : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private readonly WebApplication _app;

    private RunningDaemon(WebApplication app, CapturedLog log)
    {
        _app = app;
        Log = log;
        BaseUri = Reachable(DaemonHost.BoundAddress(app));
        Http = new HttpClient { BaseAddress = BaseUri, Timeout = Guard };
    }

    public Uri BaseUri { get; }

    /// <summary>A daemon listening on every interface (0.0.0.0, [::]) is reached on loopback.</summary>
    private static Uri Reachable(Uri bound) =>
        bound.Host is "0.0.0.0" or "[::]" ? new UriBuilder(bound) { Host = "127.0.0.1" }.Uri : bound;
    public HttpClient Http { get; }
    public CapturedLog Log { get; }
    public StatusStore Status => _app.Services.GetRequiredService<StatusStore>();
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningDaemon> StartAsync(RunSettings settings, EmulatorHost emulator)
    {
        var log = new CapturedLog();
        var app = await DaemonHost.BuildAsync(settings, log.Logger(), emulator, CancellationToken.None);
        await app.StartAsync();
        return new RunningDaemon(app, log);
    }

    /// <summary>Asks the source loop to fetch now (what the webhook does) and waits until the daemon is at <paramref name="revision"/>.</summary>
    public async Task FetchAsync(string revision)
    {
        _app.Services.GetRequiredService<SourceTrigger>().Request();
        await WaitAsync(s => s.Source.Revision == revision, $"the source to reach {revision}");
    }

    public ResourceStatus? Resource(string name, string kind = "EcsService") => Status.Get(new ResourceKey(kind, name));

    /// <summary>Waits until the resource's status satisfies <paramref name="condition"/> and returns it.</summary>
    public async Task<ResourceStatus> WaitForAsync(string name, Func<ResourceStatus, bool> condition, string what, string kind = "EcsService")
    {
        await WaitAsync(s => s.Get(new ResourceKey(kind, name)) is { } r && condition(r), what);
        return Resource(name, kind)!;
    }

    public async Task WaitAsync(Func<StatusStore, bool> condition, string what)
    {
        try
        {
            await Status.WaitUntilAsync(condition, Guard);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"timed out waiting for {what}.\nstatus: {Dump()}\nlog:\n{Log}");
        }
    }

    public string Dump() => JsonSerializer.Serialize(StatusDocument.From(Status), StatusDocument.Json);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
