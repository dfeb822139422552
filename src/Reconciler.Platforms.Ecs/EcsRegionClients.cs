using System.Collections.Concurrent;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;

namespace Reconciler.Platforms.Ecs;

/// <summary>One <see cref="AwsClients"/> per region, created on first use and disposed with the platform.</summary>
/// <param name="userAgent">Sent on every ECS call (which replica wrote what shows in CloudTrail's userAgent).</param>
public sealed class EcsRegionClients(AwsEndpointResolver endpoints, IAwsCredentialsSource credentials, HttpMessageHandler? handler = null, string? userAgent = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<AwsClients>> _clients = new(StringComparer.Ordinal);

    public AwsClients For(string region) =>
        _clients.GetOrAdd(region, r => new Lazy<AwsClients>(() => AwsClients.Create(r, endpoints, credentials, handler, userAgent: userAgent))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }
}
