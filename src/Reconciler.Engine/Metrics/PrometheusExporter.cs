using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Reconciler.Engine.Metrics;

/// <summary>
/// Prometheus text exposition (format 0.0.4) of the Reconciler meter, written by us because no Prometheus exporter
/// package can be restored here. Counters become <c>_total</c> series, histograms get cumulative buckets.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Series> _series = new();
    private readonly ConcurrentDictionary<string, (string Type, string Help)> _families = new();

    /// <summary>Exports the instruments of this <paramref name="metrics"/> instance only: meters are process-wide by name,
    /// so matching by name would mix two daemons hosted in one process (tests, a restart in place).</summary>
    public PrometheusExporter(ReconcilerMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter, metrics.Meter)) return;
            var type = instrument switch
            {
                Counter<long> => "counter",
                Histogram<double> => "histogram",
                _ => "gauge",
            };
            _families[instrument.Name] = (type, instrument.Description ?? instrument.Name);
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var (name, (type, help)) in _families.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var series in _series.Values.Where(s => s.Name == name).OrderBy(s => s.Labels, StringComparer.Ordinal))
            {
                series.Write(text, type);
            }
        }
        return text.ToString();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var series = _series.GetOrAdd(instrument.Name + labels, _ => new Series(instrument.Name, labels));
        lock (series)
        {
            if (instrument is Histogram<double>)
            {
                series.Observe(value);
            }
            else if (instrument is Counter<long>)
            {
                series.Value += value;
            }
            else
            {
                series.Value = value;
            }
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            var v = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
            parts.Add($"{tag.Key}=\"{v.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\"");
        }
        parts.Sort(StringComparer.Ordinal);
        return "{" + string.Join(",", parts) + "}";
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Series(string name, string labels)
    {
        private readonly long[] _buckets = new long[Bounds.Length];
        private long _count;
        private double _sum;

        public string Name { get; } = name;
        public string Labels { get; } = labels;
        public double Value { get; set; }

        public void Observe(double value)
        {
            _count++;
            _sum += value;
            for (var i = 0; i < Bounds.Length; i++)
            {
                if (value <= Bounds[i]) _buckets[i]++;
            }
        }

        public void Write(StringBuilder text, string type)
        {
            lock (this)
            {
                if (type != "histogram")
                {
                    text.Append(Name).Append(Labels).Append(' ').Append(Format(Value)).Append('\n');
                    return;
                }
                for (var i = 0; i < Bounds.Length; i++)
                {
                    text.Append(Name).Append("_bucket").Append(WithLe(Format(Bounds[i]))).Append(' ').Append(_buckets[i]).Append('\n');
                }
                text.Append(Name).Append("_bucket").Append(WithLe("+Inf")).Append(' ').Append(_count).Append('\n');
                text.Append(Name).Append("_sum").Append(Labels).Append(' ').Append(Format(_sum)).Append('\n');
                text.Append(Name).Append("_count").Append(Labels).Append(' ').Append(_count).Append('\n');
            }
        }

        private string WithLe(string le) => Labels.Length == 0 ? $"{{le=\"{le}\"}}" : Labels[..^1] + $",le=\"{le}\"}}";

        private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
