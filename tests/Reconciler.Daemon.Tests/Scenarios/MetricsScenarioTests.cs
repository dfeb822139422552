using System.Diagnostics;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>/metrics after a deploy, a drift, throttling and a rollback is valid Prometheus text (checked by promtool itself).</summary>
public sealed class MetricsScenarioTests
{
    [Test]
    public async Task Metrics_after_deploy_drift_throttling_and_rollback_pass_promtool_check_metrics()
    {
        await using var world = await DaemonHarness.StartAsync();
        await TelemetryScenario.RunAsync(world);

        using var response = await world.Daemon.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        await File.WriteAllTextAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, "metrics-after-scenario.txt"), text);

        Assert.That(response.Content.Headers.ContentType?.ToString(), Does.StartWith("text/plain").And.Contain("version=0.0.4"), "the text format promtool checks");
        var (exit, output) = await PromtoolAsync(text);
        Assert.That(exit, Is.EqualTo(0), $"promtool check metrics:\n{output}\n--- metrics ---\n{text}");
        Assert.That(output.Trim(), Is.Empty, $"no lint findings\n--- metrics ---\n{text}");
    }

    [Test]
    public async Task The_scrape_names_every_family_of_the_issue_with_its_labels()
    {
        await using var world = await DaemonHarness.StartAsync();
        await TelemetryScenario.RunAsync(world);

        var metrics = ScrapedMetrics.Parse(await world.Daemon.Http.GetStringAsync("/metrics"));

        Assert.Multiple(() =>
        {
            Assert.That(metrics.Value("reconciler_rollbacks_total", ("kind", "EcsService"), ("name", "web"), ("reason", "tasks_stopping")), Is.EqualTo(1));
            Assert.That(metrics.Value("reconciler_drift_detected_total", ("kind", "EcsService"), ("name", "web")), Is.EqualTo(1));
            Assert.That(metrics.Value("reconciler_resource_synced", ("kind", "EcsService"), ("name", "web")), Is.EqualTo(0), "rolled back: out of sync with git");
            Assert.That(metrics.Value("reconciler_resource_healthy", ("name", "web")), Is.EqualTo(0));
            Assert.That(metrics.Value("reconciler_resource_suspended", ("name", "web")), Is.EqualTo(0));
            Assert.That(metrics.Value("reconciler_resource_info", ("name", "web"), ("sync_status", "OutOfSync"), ("health_status", "Degraded")), Is.EqualTo(1));
            Assert.That(metrics.Series("reconciler_resource_info").Count(s => s.Labels["name"] == "web"), Is.EqualTo(1), "no stale info series");
            Assert.That(metrics.Sum("reconciler_cloud_api_throttled_total", ("provider", "aws"), ("operation", "DescribeServices")), Is.EqualTo(TelemetryScenario.Throttles));
            Assert.That(metrics.Sum("reconciler_cloud_api_retries_total", ("provider", "aws")), Is.GreaterThanOrEqualTo(TelemetryScenario.Throttles));
            Assert.That(metrics.Sum("reconciler_cloud_api_requests_total", ("operation", "DescribeServices"), ("code", "400")), Is.EqualTo(TelemetryScenario.Throttles));
            Assert.That(metrics.Sum("reconciler_cloud_api_request_duration_seconds_count", ("operation", "RegisterTaskDefinition")), Is.GreaterThanOrEqualTo(2));
            Assert.That(metrics.Value("reconciler_circuit_breaker_open", ("provider", "aws"), ("region", "us-east-1")), Is.EqualTo(0));
            Assert.That(metrics.Sum("reconciler_reconcile_total", ("kind", "EcsService"), ("result", "converged")), Is.GreaterThan(0));
            Assert.That(metrics.Sum("reconciler_reconcile_duration_seconds_count", ("kind", "EcsService")), Is.GreaterThan(0));
            Assert.That(metrics.Sum("reconciler_rollout_duration_seconds_count", ("kind", "EcsService"), ("result", "completed")), Is.EqualTo(1));
            Assert.That(metrics.Sum("reconciler_rollout_duration_seconds_count", ("kind", "EcsService"), ("result", "rolled_back")), Is.EqualTo(1));
            Assert.That(metrics.Sum("reconciler_actions_total", ("kind", "EcsService"), ("action", "RollBack")), Is.EqualTo(1));
            Assert.That(metrics.Sum("reconciler_verification_checks_total", ("kind", "EcsService"), ("check", "readiness"), ("result", "pass")), Is.GreaterThanOrEqualTo(1));
            Assert.That(metrics.Sum("reconciler_verification_checks_total", ("result", "fail")), Is.Zero);
            Assert.That(metrics.Series("reconciler_workqueue_depth"), Has.Count.EqualTo(1));
            Assert.That(metrics.Sum("reconciler_workqueue_wait_seconds_count"), Is.GreaterThan(0));
            Assert.That(metrics.Series("reconciler_workqueue_retries_total"), Has.Count.EqualTo(1));
            Assert.That(metrics.Sum("reconciler_source_fetch_total", ("result", "success")), Is.GreaterThanOrEqualTo(3));
            Assert.That(metrics.Value("reconciler_source_last_success_timestamp_seconds"), Is.GreaterThan(1.7e9));
            Assert.That(metrics.Series("reconciler_source_revision_info").Single().Labels["revision"], Is.EqualTo(world.Daemon.Status.Source.Revision));
            Assert.That(metrics.Value("reconciler_manifest_errors"), Is.EqualTo(0));
            Assert.That(metrics.Names.Any(n => n.StartsWith("dotnet_gc_", StringComparison.Ordinal)), "runtime metrics");
            Assert.That(metrics.Names.Any(n => n.StartsWith("process_cpu_", StringComparison.Ordinal)), "process metrics");
        });
        foreach (var (file, name) in Documented())
        {
            Assert.That(metrics.Names, Has.Some.EqualTo(name).Or.Some.EqualTo(name + "_bucket"), $"{name}, used in {file}, is in the scrape");
        }
    }

    /// <summary>Every reconciler_* name the metrics doc and the alert rules use (they must name what the daemon exports).</summary>
    private static IEnumerable<(string File, string Name)> Documented() =>
        new[] { "docs/metrics.md", "charts/reconciler/files/reconciler-alerts.yaml" }
            .Where(f => File.Exists(Path.Combine(RepoPaths.Root, f)))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, f)), @"\breconciler_[a-z_]+")
                .Select(m => (f, System.Text.RegularExpressions.Regex.Replace(m.Value, "_bucket$", ""))))
            .Distinct();

    internal static async Task<(int Exit, string Output)> PromtoolAsync(string metrics)
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
