using Reconciler.Daemon.Tests.Scenarios;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>
/// Through deploy, drift, throttling and rollback, with a canary secret in an SSM SecureString and in an environment
/// variable that looks secret: the canary reaches no log line (properties included), span, metric or status page.
/// The same run shows the spans and log scope an operator follows a reconcile by.
/// </summary>
public sealed class TelemetrySecretTests
{
    [Test]
    public async Task The_canary_secret_appears_in_no_log_line_span_attribute_metric_or_status_page()
    {
        using var spans = new SpanRecorder();
        await using var world = await DaemonHarness.StartAsync();
        await TelemetryScenario.RunAsync(world);

        var metrics = await world.Daemon.Http.GetStringAsync("/metrics");
        var page = await world.Daemon.Http.GetStringAsync("/");
        var status = await world.Daemon.Http.GetStringAsync("/status");
        var logs = world.Daemon.Log.JsonLines;
        var described = spans.Describe().ToList();

        Assert.That(logs, Has.Count.GreaterThan(20), "the scenario was logged");
        Assert.That(described, Has.Count.GreaterThan(10), "the scenario was traced");
        Assert.Multiple(() =>
        {
            Assert.That(logs.Where(l => l.Contains("CANARY", StringComparison.Ordinal)), Is.Empty, "log lines");
            Assert.That(described.Where(s => s.Contains("CANARY", StringComparison.Ordinal)), Is.Empty, "span attributes");
            Assert.That(metrics, Does.Not.Contain("CANARY"), "metrics");
            Assert.That(page, Does.Not.Contain("CANARY"), "status page");
            Assert.That(status, Does.Not.Contain("CANARY"), "/status");
        });
    }

    [Test]
    public async Task Every_log_line_of_a_reconcile_carries_resource_kind_revision_reconcile_id_and_the_span_trace_id()
    {
        using var spans = new SpanRecorder();
        await using var world = await DaemonHarness.StartAsync();
        await TelemetryScenario.RunAsync(world);

        var reconcileLines = world.Daemon.Log.JsonLines.Where(l => l.Contains("\"ReconcileId\"", StringComparison.Ordinal)).ToList();
        var planned = reconcileLines.Where(l => l.Contains("\"Action\":\"RollBack\"", StringComparison.Ordinal)).ToList();
        var reconciles = spans.Spans.Where(s => s.DisplayName == "reconcile EcsService").ToList();
        var calls = spans.Spans.Where(s => s.Kind == System.Diagnostics.ActivityKind.Client).ToList();

        Assert.That(reconcileLines, Has.Count.GreaterThan(10));
        Assert.That(reconcileLines, Has.All.Contains("\"Resource\":\"EcsService/web\"").And.All.Contains("\"Kind\":\"EcsService\"")
            .And.All.Contains("\"Revision\":\"").And.All.Match("\"TraceId\":\"[0-9a-f]{32}\""));
        Assert.That(planned, Has.Count.EqualTo(1), "one line per planned action");
        var traceId = System.Text.RegularExpressions.Regex.Match(planned[0], "\"TraceId\":\"([0-9a-f]{32})\"").Groups[1].Value;
        var rollbackSpan = reconciles.Single(s => s.TraceId.ToHexString() == traceId);
        Assert.That(rollbackSpan.GetTagItem("reconciler.resource"), Is.EqualTo("web"));
        Assert.That(rollbackSpan.GetTagItem("reconciler.revision"), Is.EqualTo(world.Daemon.Status.Source.Revision));
        Assert.That(rollbackSpan.GetTagItem("reconciler.outcome"), Is.EqualTo("stalled"));
        Assert.That(calls.Where(c => c.ParentSpanId == rollbackSpan.SpanId).Select(c => c.GetTagItem("rpc.method")),
            Does.Contain("UpdateService"), "the rollback's cloud calls are child spans of its reconcile");
        Assert.That(calls.Count(c => c.GetTagItem("rpc.method") as string == "DescribeServices" && c.Status == System.Diagnostics.ActivityStatusCode.Unset),
            Is.GreaterThan(0));
    }

    [Test]
    public async Task Drift_lines_name_the_field_with_both_values()
    {
        await using var world = await DaemonHarness.StartAsync();
        await TelemetryScenario.RunAsync(world);

        Assert.That(world.Daemon.Log.Lines.Where(l => l.StartsWith("Warning Drift on", StringComparison.Ordinal)),
            Has.Some.Contains("\"desiredCount\" is \"4\" in the cloud, git says \"2\""));
    }
}
