namespace Reconciler.Daemon.Http;

/// <summary>What an endpoint exposes, which decides who may call it (see <see cref="EndpointGuard"/>).</summary>
internal enum EndpointAccess
{
    /// <summary>Probes, /metrics and the HMAC-signed webhook: open, so kubelet and Prometheus need no token.</summary>
    Open,

    /// <summary>GET /status and the status page: open unless --status-requires-token.</summary>
    Status,

    /// <summary>Endpoints that change anything (POST /retry): the token, or a loopback-only daemon without one.</summary>
    Mutating,
}
