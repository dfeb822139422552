using Reconciler.Core.Outcomes;
using Reconciler.Engine.Metrics;

namespace Reconciler.Engine.Tests.Metrics;

/// <summary>The Prometheus text format (0.0.4) written by hand: families, counters, gauges, cumulative histogram buckets.</summary>
public sealed class PrometheusExporterTests
{
    [Test]
    public void Every_family_has_help_and_type_before_its_samples()
    {
        using var metrics = new ReconcilerMetrics();
        using var exporter = new PrometheusExporter(metrics);

        metrics.RecordFetch(true);
        var lines = exporter.Render().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var help = Array.IndexOf(lines, "# HELP reconciler_source_fetch_total Desired-state source fetches by result.");
        Assert.That(help, Is.GreaterThanOrEqualTo(0));
        Assert.That(lines[help + 1], Is.EqualTo("# TYPE reconciler_source_fetch_total counter"));
        Assert.That(lines[help + 2], Is.EqualTo("reconciler_source_fetch_total{result=\"success\"} 1"));
    }

    [Test]
    public void Counters_add_up_per_label_set_and_labels_are_sorted()
    {
        using var metrics = new ReconcilerMetrics();
        using var exporter = new PrometheusExporter(metrics);

        metrics.RecordReconcile("EcsService", new ReconcileOutcome.Converged(), TimeSpan.FromMilliseconds(20));
        metrics.RecordReconcile("EcsService", new ReconcileOutcome.Converged(), TimeSpan.FromMilliseconds(20));
        metrics.RecordReconcile("EcsService", new ReconcileOutcome.Stalled("pinned"), TimeSpan.FromMilliseconds(20));
        var text = exporter.Render();

        Assert.That(text, Does.Contain("reconciler_reconcile_total{kind=\"EcsService\",outcome=\"converged\"} 2\n"));
        Assert.That(text, Does.Contain("reconciler_reconcile_total{kind=\"EcsService\",outcome=\"stalled\"} 1\n"));
    }

    [Test]
    public void A_histogram_has_cumulative_buckets_an_inf_bucket_a_sum_and_a_count()
    {
        using var metrics = new ReconcilerMetrics();
        using var exporter = new PrometheusExporter(metrics);

        metrics.RecordReconcile("EcsService", new ReconcileOutcome.Converged(), TimeSpan.FromSeconds(0.2));
        metrics.RecordReconcile("EcsService", new ReconcileOutcome.Converged(), TimeSpan.FromSeconds(3));
        var text = exporter.Render();

        const string name = "reconciler_reconcile_duration_seconds";
        Assert.That(text, Does.Contain($"# TYPE {name} histogram\n"));
        Assert.That(text, Does.Contain($"{name}_bucket{{kind=\"EcsService\",le=\"0.1\"}} 0\n"));
        Assert.That(text, Does.Contain($"{name}_bucket{{kind=\"EcsService\",le=\"0.25\"}} 1\n"));
        Assert.That(text, Does.Contain($"{name}_bucket{{kind=\"EcsService\",le=\"5\"}} 2\n"));
        Assert.That(text, Does.Contain($"{name}_bucket{{kind=\"EcsService\",le=\"+Inf\"}} 2\n"));
        Assert.That(text, Does.Contain($"{name}_sum{{kind=\"EcsService\"}} 3.2\n"));
        Assert.That(text, Does.Contain($"{name}_count{{kind=\"EcsService\"}} 2\n"));
    }

    [Test]
    public void An_observable_gauge_shows_its_current_value()
    {
        using var metrics = new ReconcilerMetrics();
        using var exporter = new PrometheusExporter(metrics);

        metrics.SetManifestErrors(3);
        Assert.That(exporter.Render(), Does.Contain("# TYPE reconciler_manifest_errors gauge\nreconciler_manifest_errors 3\n"));
        metrics.SetManifestErrors(0);
        Assert.That(exporter.Render(), Does.Contain("reconciler_manifest_errors 0\n"));
    }

    [Test]
    public void Two_daemons_in_one_process_do_not_see_each_others_measurements()
    {
        using var first = new ReconcilerMetrics();
        using var firstExporter = new PrometheusExporter(first);
        using var second = new ReconcilerMetrics();
        using var secondExporter = new PrometheusExporter(second);

        first.RecordDrift("EcsService");

        Assert.That(firstExporter.Render(), Does.Contain("reconciler_drift_total{kind=\"EcsService\"} 1\n"));
        Assert.That(secondExporter.Render(), Does.Not.Contain("reconciler_drift_total{"));
    }
}
