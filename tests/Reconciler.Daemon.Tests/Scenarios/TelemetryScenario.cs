using Reconciler.Core.Health;
using Reconciler.Emulator.Faults;
using Reconciler.Testing.Verification;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// The story the telemetry tests observe: web v1 is deployed (carrying a canary secret in an SSM SecureString and in a
/// sensitive-looking environment variable), is scaled behind the daemon's back (drift, corrected), has its next three
/// DescribeServices calls throttled, and then gets an unhealthy v2 that is rolled back. v1 passes a <c>spec.verify</c>
/// HTTP check against a real Kestrel endpoint first, so the verification counter is in the scrape.
/// </summary>
internal static class TelemetryScenario
{
    /// <summary>Appears in no log line, span attribute, metric or status page.</summary>
    public const string Canary = "CANARY-7f3e9b1c-do-not-leak";
    public const string SecretPath = "/web/db-password";
    public const int Throttles = 3;

    public static string Manifest(string tag, string? verify = null) => WebManifest.Yaml(tag, verify: verify).Replace(
        "        portMappings:",
        $$"""
                environment:
                  API_TOKEN: {{Canary}}-env
                secrets:
                  DB_PASSWORD: { ssmParameter: {{SecretPath}} }
                portMappings:
        """);

    public static async Task RunAsync(DaemonHarness world)
    {
        world.Emulator.State.PutParameter(SecretPath, "SecureString", Canary + "-ssm");
        await using (var endpoint = await HealthEndpoint.StartAsync())
        {
            await world.PushAsync(Manifest("v1", VerifyBlock.Http(new Uri(endpoint.BaseUri, "health"))), "web v1");
            await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "web to converge");
        }

        var throttled = 0;
        world.Cloud.Control.OnCall(c => c.Operation == "DescribeServices" && Interlocked.Increment(ref throttled) <= Throttles
            ? CallDirective.Fail("ThrottlingException", "Rate exceeded")
            : CallDirective.Proceed);
        await world.Cloud.ScaleWebBehindTheDaemonsBackAsync(4);
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.DriftCount == 1, "the drift to be corrected");
        Assert.That(Volatile.Read(ref throttled), Is.GreaterThan(Throttles), "the daemon got past the throttling");

        await world.PushAsync(Manifest("v2-unhealthy"), "web v2 unhealthy");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Health == HealthStatus.Degraded, "the rollback");
    }
}
