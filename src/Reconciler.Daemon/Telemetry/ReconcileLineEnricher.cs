using Serilog.Core;
using Serilog.Events;

namespace Reconciler.Daemon.Telemetry;

/// <summary>
/// For the text format: folds the reconcile scope (kind, revision, reconcile id, trace id) into one short property
/// the output template prints at the end of the line, so a terminal line stays readable. JSON lines carry the scope
/// properties themselves.
/// </summary>
internal sealed class ReconcileLineEnricher : ILogEventEnricher
{
    public const string Property = "ReconcileScope";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (!logEvent.Properties.ContainsKey("ReconcileId"))
        {
            return;
        }
        var text = $" [{Get(logEvent, "Resource")} rev={Short(Get(logEvent, "Revision"))} reconcile={Get(logEvent, "ReconcileId")} trace={Get(logEvent, "TraceId")}]";
        logEvent.AddPropertyIfAbsent(new LogEventProperty(Property, new ScalarValue(new Suffix(text))));
    }

    /// <summary>Not a string, so every renderer prints it as it is (strings get quoted outside the message).</summary>
    private sealed record Suffix(string Text)
    {
        public override string ToString() => Text;
    }

    private static string Get(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } v } ? v.ToString() ?? "" : "";

    private static string Short(string revision) => revision.Length > 12 ? revision[..12] : revision;
}
