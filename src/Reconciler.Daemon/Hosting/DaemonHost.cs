using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Model;
using Reconciler.Core.Sources;
using Reconciler.Daemon.Http;
using Reconciler.Emulator.Hosting;
using Reconciler.Engine;
using Reconciler.Engine.Controller;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Metrics;
using Reconciler.Engine.Queue;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Sources;
using Reconciler.Engine.Status;
using Reconciler.Git;
using Reconciler.Manifests.Loading;
using Reconciler.Daemon.Telemetry;
using Serilog;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// The composition root of <c>reconciler run</c>: one Kestrel port for /healthz, /readyz, /status, /metrics,
/// /hooks/git and /retry; the controller as a hosted service; every dependency a singleton built once here.
/// </summary>
internal static class DaemonHost
{
    public static Task<WebApplication> BuildAsync(RunSettings settings, Serilog.ILogger logger, CancellationToken ct) =>
        BuildAsync(settings, logger, existingEmulator: null, ct);

    /// <summary>
    /// <paramref name="existingEmulator"/> (with --emulator): use this running emulator instead of starting one and
    /// leave it running at shutdown, so a second daemon can resume against the same cloud.
    /// </summary>
    internal static async Task<WebApplication> BuildAsync(RunSettings settings, Serilog.ILogger logger, EmulatorHost? existingEmulator, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls($"http://{settings.Listen}");
        builder.WebHost.ConfigureKestrel(kestrel => EndpointLimits.Apply(kestrel.Limits));
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var engine = new EngineOptions
        {
            Resync = settings.Resync, PollInterval = settings.PollInterval, Workers = settings.Workers,
            WriteAllowList = settings.WriteAllowList, Shard = settings.Shard,
        };
        if (engine.Validate() is { Count: > 0 } errors)
        {
            throw new StartupException(string.Join("; ", errors));
        }
        var calls = new CloudCallSettings((int)settings.MaxWritesPerMinute,
            settings.Shard.IsSingle ? CloudCallSettings.Default.UserAgent : $"reconciler (shard {settings.Shard})");
        var cloud = settings.Emulator && existingEmulator is not null
            ? CloudConnection.Attach(existingEmulator, settings.EmulatorSpeed, settings: calls)
            : await CloudConnection.OpenAsync(settings.Emulator, [], new EmulatorOptions { Speed = settings.EmulatorSpeed }, ct, calls);
        try
        {
            return Compose(builder, settings, engine, cloud);
        }
        catch
        {
            await cloud.DisposeAsync();
            throw;
        }
    }

    private static WebApplication Compose(WebApplicationBuilder builder, RunSettings settings, EngineOptions engine, CloudConnection cloud)
    {
        var services = builder.Services;
        // A factory registration, so the container owns the connection and disposes it with the app (started or not).
        services.AddSingleton(_ => cloud);
        services.AddSingleton(cloud.Time);
        services.AddSingleton(engine);
        services.AddSingleton(settings);
        services.AddSingleton(_ => Source(settings, cloud.Time));
        services.AddSingleton(new ManifestLoader());
        services.AddSingleton(sp => new DesiredStateStore(sp.GetRequiredService<ManifestLoader>(), settings.PruneGuardLimits()));
        services.AddSingleton<StatusStore>();
        services.AddSingleton<ReconcilerMetrics>();
        // Before the controller: hosted services start in order, and the meter provider must listen before it measures.
        DaemonTelemetry.Add(services);
        services.AddSingleton<RetryRequests>();
        // Polling git and bounding a reconcile are about the real world: wall time even when the cloud's clock is simulated.
        services.AddSingleton(new SourceTrigger(TimeProvider.System));
        services.AddSingleton(sp => new WorkQueue<ResourceKey>(null, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => cloud.Platforms);
        services.AddSingleton(sp => new ResourceReconciler(
            sp.GetRequiredService<DesiredStateStore>(), cloud.Platforms, sp.GetRequiredService<StatusStore>(),
            sp.GetRequiredService<ReconcilerMetrics>(), sp.GetRequiredService<RetryRequests>(), engine, cloud.Time,
            sp.GetRequiredService<ILogger<ResourceReconciler>>(), TimeProvider.System));
        services.AddSingleton<ReconcileController>();
        services.AddHostedService(sp => sp.GetRequiredService<ReconcileController>());
        // Memory is given back in wall time, after a burst of work, whatever the cloud's clock.
        services.AddHostedService(sp => new IdleMemoryTrim(() => sp.GetRequiredService<WorkQueue<ResourceKey>>().Pending == 0, TimeProvider.System));

        var app = builder.Build();
        if (cloud.Emulator is { } emulator)
        {
            // The demo creates the clusters its manifests name (ECS itself expects them to exist).
            app.Services.GetRequiredService<DesiredStateStore>().Loaded += manifests => EmulatorSeed.Seed(emulator.State, manifests);
        }
        app.Services.GetRequiredService<CloudConnection>();
        DaemonEndpoints.Map(app, settings);
        return app;
    }

    /// <summary>The address Kestrel actually bound after start (resolves --listen 127.0.0.1:0 to the chosen port).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the daemon is not listening yet: call StartAsync first");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static IDesiredStateSource Source(RunSettings settings, TimeProvider time) =>
        settings.Repo is not null
            ? new GitRepositorySource(settings.GitOptions())
            : new DirectorySource(Path.GetFullPath(settings.Manifests!), time);
}
