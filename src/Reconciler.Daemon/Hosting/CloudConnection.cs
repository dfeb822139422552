using Reconciler.Core.Resilience;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Core.Seams;
using Reconciler.Emulator.Hosting;
using Reconciler.Platforms.CloudRun;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.Ecs;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// The platforms the commands talk to — the one place that names them (platform registration): ECS and Cloud Run on
/// the real clouds (AWS's default credential chain and endpoint overrides; Google's application default credentials,
/// read when the first Cloud Run call is made, and <c>CLOUD_RUN_ENDPOINT</c>) or, only when asked with --emulator,
/// both on one in-process emulator on a loopback port. Never falls back to the emulator silently.
/// </summary>
internal sealed class CloudConnection : IAsyncDisposable
{
    private readonly EcsRegionClients _clients;
    private readonly CloudPipelines[] _pipelines;
    private readonly bool _ownsEmulator;

    private CloudConnection(EcsRegionClients clients, CloudPipelines[] pipelines, IReadOnlyList<IPlatform> platforms, TimeProvider time, EmulatorHost? emulator, bool ownsEmulator)
    {
        _clients = clients;
        _pipelines = pipelines;
        _ownsEmulator = ownsEmulator;
        Platforms = platforms;
        Time = time;
        Emulator = emulator;
    }

    public IReadOnlyList<IPlatform> Platforms { get; }

    public TimeProvider Time { get; }

    public EmulatorHost? Emulator { get; }

    public string Describe => Emulator is null ? "AWS" : $"embedded emulator at {Emulator.BaseUri}";

    /// <summary>Opens the connection; throws <see cref="StartupException"/> with a clear message when AWS credentials are missing.</summary>
    public static async Task<CloudConnection> OpenAsync(bool emulator, IEnumerable<ResourceManifest> manifests, EmulatorOptions? emulatorOptions, CancellationToken ct,
        CloudCallSettings? calls = null)
    {
        calls ??= CloudCallSettings.Default;
        if (emulator)
        {
            var options = emulatorOptions ?? new EmulatorOptions();
            var host = await EmulatorHost.StartAsync(options, ct);
            EmulatorSeed.Seed(host.State, manifests.ToList());
            return Attach(host, options.Speed, ownsEmulator: true, calls);
        }
        var credentials = new DefaultChainCredentialsSource();
        try
        {
            await credentials.GetAsync(ct);
        }
        catch (AwsApiException ex)
        {
            throw new StartupException(ex.Message);
        }
        var aws = new EcsRegionClients(AwsEndpointResolver.FromEnvironment, credentials, userAgent: calls.UserAgent);
        var time = TimeProvider.System;
        var budget = calls.WriteBudget(time);
        var (ecs, run) = (new AwsCallOptions { WriteBudget = budget }, new CloudRunCallOptions { WriteBudget = budget });
        // Each cloud's Polly pipelines are built here, once, and injected into its call policy.
        CloudPipelines[] pipelines = [AwsCallPolicy.Pipelines(ecs, time), CloudRunPlatformFactory.Pipelines(run, time)];
        IPlatform[] platforms =
        [
            new EcsPlatform(aws, new AwsCallPolicy(ecs, pipelines[0], time)),
            CloudRunPlatformFactory.Create(time, run, userAgent: calls.UserAgent, pipelines: pipelines[1]),
        ];
        return new CloudConnection(aws, pipelines, platforms, time, null, false);
    }

    /// <summary>
    /// Connects, with fresh clients and a fresh platform (a "new process"), to an emulator that is already running
    /// (tests: a second daemon or apply resumes against the same "cloud"; nothing is seeded).
    /// <paramref name="speed"/> must be the emulator's own speed; the emulator is left running on dispose unless owned.
    /// </summary>
    internal static CloudConnection Attach(EmulatorHost host, double speed, bool ownsEmulator = false, CloudCallSettings? settings = null)
    {
        settings ??= CloudCallSettings.Default;
        var time = new EmulatorClock(host.State, speed);
        var clients = new EcsRegionClients(AwsEndpointResolver.Fixed(host.BaseUri), StaticCredentialsSource.Emulator, userAgent: settings.UserAgent);
        var budget = settings.WriteBudget(time);
        // Retries and rate limits follow the simulated clock, but a call's network time is real: scale the per-attempt
        // timeout back up so it still means 20 wall seconds (at speed 600 it would otherwise be 33 ms).
        var calls = new AwsCallOptions { WriteBudget = budget };
        calls.AttemptTimeout *= speed;
        var run = new CloudRunCallOptions { WriteBudget = budget };
        run.AttemptTimeout *= speed;
        CloudPipelines[] pipelines = [AwsCallPolicy.Pipelines(calls, time), CloudRunPlatformFactory.Pipelines(run, time)];
        IPlatform[] platforms =
        [
            new EcsPlatform(clients, new AwsCallPolicy(calls, pipelines[0], time)),
            CloudRunPlatformFactory.ForEmulator(host.BaseUri, time, run, settings.UserAgent, pipelines[1]),
        ];
        return new CloudConnection(clients, pipelines, platforms, time, host, ownsEmulator);
    }

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        foreach (var pipelines in _pipelines)
        {
            pipelines.Dispose();
        }
        foreach (var platform in Platforms.OfType<IDisposable>())
        {
            platform.Dispose();
        }
        if (Emulator is not null && _ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }
    }
}

/// <summary>A configuration or environment problem found at start: printed as one line, exit code 2.</summary>
internal sealed class StartupException(string message) : Exception(message);
