using System.Net;

namespace Reconciler.Daemon.Http;

/// <summary>
/// Who may call which endpoint, decided from the start-up settings and the request's Authorization header alone (pure).
/// With --api-token-file every mutating endpoint needs <c>Authorization: Bearer &lt;token&gt;</c>. Without one, they
/// answer only on a loopback listen address (only local processes can reach them); beyond loopback they answer 403
/// instead of refusing to start, so an install that never retries (the Helm chart's minimal values) still runs.
/// </summary>
internal sealed class EndpointGuard
{
    public const string NeedsTokenFile = "start the daemon with --api-token-file to enable this endpoint (it listens beyond loopback)";

    private readonly ApiToken? _token;
    private readonly bool _loopback;
    private readonly bool _statusRequiresToken;

    public EndpointGuard(ApiToken? token, IPAddress listen, bool statusRequiresToken)
    {
        if (statusRequiresToken && token is null)
        {
            throw new ArgumentException("--status-requires-token needs --api-token-file", nameof(statusRequiresToken));
        }
        _token = token;
        _loopback = IPAddress.IsLoopback(listen);
        _statusRequiresToken = statusRequiresToken;
    }

    /// <summary>True when every mutating endpoint answers 403: no token file and a listen address beyond loopback.</summary>
    public bool RefusesMutations => _token is null && !_loopback;

    /// <summary>Null when the request may go on; otherwise the answer it gets instead.</summary>
    public Refusal? Check(EndpointAccess access, string? authorization) => access switch
    {
        EndpointAccess.Open => null,
        EndpointAccess.Status when !_statusRequiresToken => null,
        EndpointAccess.Mutating when RefusesMutations => new Refusal(403, NeedsTokenFile, Challenge: null),
        EndpointAccess.Mutating when _token is null => null,
        _ => Authenticate(authorization),
    };

    private Refusal? Authenticate(string? authorization) =>
        _token!.Admits(authorization) ? null
        : authorization is null
            ? new Refusal(401, "unauthorized: send Authorization: Bearer <token> (the daemon's --api-token-file; reconciler retry/status --api-token-file FILE)", "Bearer")
            : new Refusal(401, "unauthorized: the bearer token is not the daemon's --api-token-file token", "Bearer error=\"invalid_token\"");

    /// <summary>The status code, a one-line message, and the WWW-Authenticate challenge of a 401.</summary>
    public sealed record Refusal(int StatusCode, string Message, string? Challenge);
}
