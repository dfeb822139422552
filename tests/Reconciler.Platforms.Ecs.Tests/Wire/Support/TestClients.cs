using Microsoft.Extensions.Time.Testing;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Support;

/// <summary>Clients wired to a recorder or capturing handler with fixed credentials and a fixed clock.</summary>
public static class TestClients
{
    public const string Region = "eu-west-1";
    public static readonly AwsCredentials Credentials = new("AKIDTEST", "test-secret-key");
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static AwsClients For(Uri endpoint, AwsCredentials? credentials = null) =>
        AwsClients.Create(Region, AwsEndpointResolver.Fixed(endpoint),
            new StaticCredentialsSource(credentials ?? Credentials), time: new FakeTimeProvider(Now));

    public static AwsClients For(CapturingHandler handler) =>
        AwsClients.Create(Region, AwsEndpointResolver.Fixed(new Uri("http://127.0.0.1:4566/")),
            new StaticCredentialsSource(Credentials), handler, new FakeTimeProvider(Now));
}
