using Reconciler.Core.Health;
using Reconciler.Daemon.Tests.Scenarios;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>Traces leave the daemon over OTLP only when the standard OTEL_EXPORTER_OTLP_ENDPOINT says where to.</summary>
[NonParallelizable]
public sealed class OtlpExportTests
{
    private static readonly string[] Variables = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_BSP_SCHEDULE_DELAY"];

    [Test]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_set_the_reconcile_and_cloud_call_spans_reach_the_collector()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT", collector.BaseUri.ToString().TrimEnd('/'));
        Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        Environment.SetEnvironmentVariable("OTEL_BSP_SCHEDULE_DELAY", "100");
        try
        {
            await using var world = await DaemonHarness.StartAsync();
            await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
            await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "web to converge");

            await collector.WaitForAsync("reconcile EcsService", TimeSpan.FromSeconds(30));
            await collector.WaitForAsync("aws RegisterTaskDefinition", TimeSpan.FromSeconds(30));
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }

        Assert.That(collector.Bodies.Any(b => OtlpReceiver.Contains(b, "reconciler.revision")), "span attributes are exported");
    }
}
