using Reconciler.Core.Resilience;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;

namespace Reconciler.Platforms.CloudRun;

/// <summary>
/// Builds the Cloud Run platform for the composition root: endpoint from <c>CLOUD_RUN_ENDPOINT</c> (or Google's),
/// tokens from application default credentials — or a fixed token when the endpoint is loopback (the emulator), so no
/// Google credentials are needed there. The platform owns its HttpClient; dispose it at shutdown.
/// </summary>
public static class CloudRunPlatformFactory
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    public static CloudRunPlatform Create(
        TimeProvider time,
        CloudRunCallOptions? options = null,
        CloudRunEndpoint? endpoint = null,
        IAccessTokenSource? tokens = null,
        HttpMessageHandler? handler = null,
        string? userAgent = null,
        CloudPipelines? pipelines = null)
    {
        var calls = options ?? new CloudRunCallOptions();
        var resolved = endpoint ?? CloudRunEndpoint.FromEnvironment();
        var source = tokens ?? (resolved.IsLoopback ? FixedTokenSource.Emulator : new GoogleTokenSource());
        var http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = RequestTimeout };
        if (userAgent is not null)
        {
            http.DefaultRequestHeaders.UserAgent.TryParseAdd(userAgent);
        }
        var api = new CloudRunApiClient(http, resolved, source);
        return new CloudRunPlatform(api, new CloudRunCallPolicy(calls, pipelines ?? CloudRunCallPolicy.Pipelines(calls, time), time), time, http);
    }

    /// <summary>The platform against the local emulator at <paramref name="emulator"/> (e.g. http://127.0.0.1:4566/).</summary>
    public static CloudRunPlatform ForEmulator(Uri emulator, TimeProvider time, CloudRunCallOptions? options = null, string? userAgent = null,
        CloudPipelines? pipelines = null) =>
        Create(time, options, new CloudRunEndpoint(emulator), FixedTokenSource.Emulator, userAgent: userAgent, pipelines: pipelines);

    /// <summary>Cloud Run's Polly pipelines, built once at start-up by the host and handed to <see cref="Create"/>.</summary>
    public static CloudPipelines Pipelines(CloudRunCallOptions options, TimeProvider time) => CloudRunCallPolicy.Pipelines(options, time);
}
