using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Ecs;
using Reconciler.Platforms.Ecs.Wire.Ssm;

namespace Reconciler.Platforms.Ecs.Wire;

/// <summary>
/// The ECS and SSM clients for one region, sharing one HttpClient. The composition root creates one per
/// manifest region and disposes it at shutdown; the signing region is always <paramref name="region"/>, even when
/// an endpoint override points elsewhere.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http;

    private AwsClients(HttpClient http, IEcsApi ecs, ISsmApi ssm, Uri ecsEndpoint, Uri ssmEndpoint)
    {
        _http = http;
        Ecs = ecs;
        Ssm = ssm;
        EcsEndpoint = ecsEndpoint;
        SsmEndpoint = ssmEndpoint;
    }

    public IEcsApi Ecs { get; }

    public ISsmApi Ssm { get; }

    public Uri EcsEndpoint { get; }

    public Uri SsmEndpoint { get; }

    /// <param name="handler">Optional transport (tests, proxies); by default a pooled SocketsHttpHandler.</param>
    /// <param name="time">Clock for the SigV4 timestamp; <see cref="TimeProvider.System"/> by default.</param>
    public static AwsClients Create(
        string region,
        AwsEndpointResolver endpoints,
        IAwsCredentialsSource credentials,
        HttpMessageHandler? handler = null,
        TimeProvider? time = null)
    {
        var http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = RequestTimeout,
        };
        var clock = time ?? TimeProvider.System;
        var ecs = AwsServiceEndpoint.Ecs(endpoints, region);
        var ssm = AwsServiceEndpoint.Ssm(endpoints, region);
        return new AwsClients(http,
            new EcsApiClient(new AwsJsonClient(http, ecs, credentials, clock)),
            new SsmApiClient(new AwsJsonClient(http, ssm, credentials, clock)),
            ecs.Url, ssm.Url);
    }

    public void Dispose() => _http.Dispose();
}
