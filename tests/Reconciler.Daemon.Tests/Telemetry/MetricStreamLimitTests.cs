using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Reconciler.Daemon.Telemetry;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>The daemon's one view sizes each stream to its labels (the SDK allocates every stream's points up front).</summary>
public sealed class MetricStreamLimitTests
{
    [Test]
    public void A_narrow_instrument_keeps_200_series_while_a_per_resource_one_keeps_2000()
    {
        var meterName = $"reconciler-test-{Guid.NewGuid():N}";
        using var meter = new Meter(meterName);
        var exporter = new PointCounter();
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(meterName)
            .AddPrometheusFriendlyNames()
            .AddReader(new BaseExportingMetricReader(exporter))
            .Build();
        var narrow = meter.CreateCounter<long>("reconciler_reconcile_total");
        var perResource = meter.CreateCounter<long>("reconciler_rollbacks_total");
        var gauge = meter.CreateCounter<long>("reconciler_resource_synced");
        for (var i = 0; i < 2500; i++)
        {
            var name = new KeyValuePair<string, object?>("name", $"svc-{i:D4}");
            narrow.Add(1, name);
            perResource.Add(1, name);
            gauge.Add(1, name);
        }

        provider.ForceFlush();

        // Each keeps its limit of distinct series and folds the rest into one overflow series.
        Assert.That(exporter.Points["reconciler_reconcile_total"], Is.InRange(PrometheusNames.NarrowSeries - 1, PrometheusNames.NarrowSeries + 1));
        Assert.That(exporter.Points["reconciler_rollbacks_total"], Is.InRange(PrometheusNames.ResourceSeries - 1, PrometheusNames.ResourceSeries + 1));
        Assert.That(exporter.Points["reconciler_resource_synced"], Is.InRange(PrometheusNames.ResourceSeries - 1, PrometheusNames.ResourceSeries + 1));
    }

    [Test]
    public void A_renamed_runtime_instrument_gets_its_Prometheus_name_and_the_narrow_limit()
    {
        var stream = PrometheusNames.Stream("process.thread.count");

        Assert.That(stream.Name, Is.EqualTo("process.threads"));
        Assert.That(stream.CardinalityLimit, Is.EqualTo(PrometheusNames.NarrowSeries));
        Assert.That(PrometheusNames.SeriesLimit("reconciler_cloud_api_requests_total"), Is.EqualTo(PrometheusNames.WideSeries));
    }

    private sealed class PointCounter : BaseExporter<Metric>
    {
        public Dictionary<string, int> Points { get; } = new(StringComparer.Ordinal);

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                var n = 0;
                foreach (ref readonly var _ in metric.GetMetricPoints())
                {
                    n++;
                }
                Points[metric.Name] = n;
            }
            return ExportResult.Success;
        }
    }
}
