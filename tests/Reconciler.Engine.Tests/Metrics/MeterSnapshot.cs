using System.Diagnostics.Metrics;
using Reconciler.Engine.Metrics;

namespace Reconciler.Engine.Tests.Metrics;

/// <summary>The measurements of one <see cref="ReconcilerMetrics"/> instance, read through a MeterListener (what any SDK sees).</summary>
internal sealed class MeterSnapshot : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(Instrument Instrument, double Value, Dictionary<string, string> Tags)> _measurements = [];

    public MeterSnapshot(ReconcilerMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>Measurements of <paramref name="name"/> carrying every given tag; observable instruments are read afresh.</summary>
    public IReadOnlyList<(double Value, Dictionary<string, string> Tags)> Of(string name, params (string Key, string Value)[] tags)
    {
        lock (_measurements)
        {
            _measurements.RemoveAll(m => m.Instrument.IsObservable);
        }
        _listener.RecordObservableInstruments();
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument.Name == name && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value))
                .Select(m => (m.Value, m.Tags)).ToList();
        }
    }

    public double Sum(string name, params (string Key, string Value)[] tags) => Of(name, tags).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value?.ToString() ?? "";
        lock (_measurements)
        {
            _measurements.Add((instrument, value, copy));
        }
    }
}
