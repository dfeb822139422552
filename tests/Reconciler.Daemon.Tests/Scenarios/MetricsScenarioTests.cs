using System.Diagnostics;
using Reconciler.Core.Health;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>/metrics after a converge, a drift and a rollback is valid Prometheus text (checked by promtool itself).</summary>
public sealed class MetricsScenarioTests
{
    [Test]
    public async Task Metrics_after_converge_drift_and_rollback_pass_promtool_check_metrics()
    {
        await using var world = await DaemonHarness.StartAsync();
        await world.PushAsync(WebManifest.Yaml("v1"), "web v1");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "web to converge");
        await world.Cloud.ScaleWebBehindTheDaemonsBackAsync(4);
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.DriftCount == 1, "the drift to be corrected");
        await world.PushAsync(WebManifest.Yaml("v2-unhealthy"), "web v2 unhealthy");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Health == HealthStatus.Degraded, "the rollback");

        using var response = await world.Daemon.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType?.ToString(), Does.StartWith("text/plain; version=0.0.4"));
        Assert.That(text, Does.Contain("reconciler_drift_total{kind=\"EcsService\"} 1\n"));
        Assert.That(text, Does.Contain("reconciler_rollbacks_total{kind=\"EcsService\"} 1\n"));
        Assert.That(text, Does.Contain("reconciler_reconcile_duration_seconds_bucket{kind=\"EcsService\",le=\"+Inf\"}"));
        var (exit, output) = await PromtoolAsync(text);
        Assert.That(exit, Is.EqualTo(0), $"promtool check metrics:\n{output}\n--- metrics ---\n{text}");
        Assert.That(output.Trim(), Is.Empty, "no lint findings");
    }

    private static async Task<(int Exit, string Output)> PromtoolAsync(string metrics)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("promtool", ["check", "metrics"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("promtool is not installed: install the Debian 'prometheus' package (apt-get install -y prometheus); CI has it");
            throw;
        }
        using (process)
        {
            await process.StandardInput.WriteAsync(metrics);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
