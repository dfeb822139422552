using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Reconciler.Daemon.Http;

/// <summary>
/// Kestrel's limits for the daemon's own endpoints (status, metrics, probes, webhook, retry): a few operators,
/// Prometheus and GitHub talk to it, so a slow or flooding client is cut off instead of holding connections open.
/// </summary>
internal static class EndpointLimits
{
    public const int MaxConnections = 200;
    public static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Above the webhook's own 5 MB bound, which answers 413 itself; nothing else takes a body.</summary>
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    public static void Apply(KestrelServerLimits limits)
    {
        limits.MaxConcurrentConnections = MaxConnections;
        limits.MaxConcurrentUpgradedConnections = 0;
        limits.RequestHeadersTimeout = HeadersTimeout;
        limits.KeepAliveTimeout = KeepAliveTimeout;
        limits.MaxRequestBodySize = MaxBodyBytes;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
    }
}
