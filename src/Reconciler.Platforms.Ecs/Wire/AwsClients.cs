using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Ecs;
using Reconciler.Platforms.Ecs.Wire.Ssm;

namespace Reconciler.Platforms.Ecs.Wire;

/// <summary>
/// The ECS client (hand-written, AWS JSON 1.1) and the SSM client (the official AWSSDK.SimpleSystemsManagement) for one
/// region, on one credential source. The composition root creates one per manifest region and disposes it at
/// shutdown; the signing region is always <paramref name="region"/>, even when an endpoint override points elsewhere.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http;
    private readonly SdkSsmApi _ssm;

    private AwsClients(HttpClient http, IEcsApi ecs, SdkSsmApi ssm, Uri ecsEndpoint, Uri ssmEndpoint)
    {
        _http = http;
        _ssm = ssm;
        Ecs = ecs;
        EcsEndpoint = ecsEndpoint;
        SsmEndpoint = ssmEndpoint;
    }

    public IEcsApi Ecs { get; }

    public ISsmApi Ssm => _ssm;

    public Uri EcsEndpoint { get; }

    public Uri SsmEndpoint { get; }

    /// <param name="handler">Optional transport for both clients (tests, proxies); by default each pools its own connections.</param>
    /// <param name="time">Clock for the ECS client's SigV4 timestamp; <see cref="TimeProvider.System"/> by default.</param>
    public static AwsClients Create(
        string region,
        AwsEndpointResolver endpoints,
        IAwsCredentialsSource credentials,
        HttpMessageHandler? handler = null,
        TimeProvider? time = null,
        string? userAgent = null)
    {
        var http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            Timeout = RequestTimeout,
        };
        if (userAgent is not null)
        {
            http.DefaultRequestHeaders.UserAgent.TryParseAdd(userAgent);
        }
        var ecs = AwsServiceEndpoint.Ecs(endpoints, region);
        var ssmOverride = endpoints.Override("SSM");
        return new AwsClients(http,
            new EcsApiClient(new AwsJsonClient(http, ecs, credentials, time ?? TimeProvider.System)),
            SsmClientFactory.Create(region, ssmOverride, credentials, handler),
            ecs.Url, ssmOverride ?? endpoints.Resolve("SSM", "ssm", region));
    }

    public void Dispose()
    {
        _ssm.Dispose();
        _http.Dispose();
    }
}
