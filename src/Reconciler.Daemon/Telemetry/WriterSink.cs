using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Reconciler.Daemon.Telemetry;

/// <summary>Writes each event through the daemon's formatter to a TextWriter (tests read the exact lines the console would get).</summary>
internal sealed class WriterSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, output);
            output.Flush();
        }
    }
}
