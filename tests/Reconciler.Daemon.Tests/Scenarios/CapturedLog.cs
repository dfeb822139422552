using System.Collections.Concurrent;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>The daemon's Serilog output kept in memory, so a scenario can check what was logged and print it on failure.</summary>
internal sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public Serilog.ILogger Logger() => new LoggerConfiguration().MinimumLevel.Debug()
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning).WriteTo.Sink(this).CreateLogger();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public void Emit(LogEvent logEvent) =>
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage()}{(logEvent.Exception is null ? "" : " " + logEvent.Exception.GetType().Name)}");

    public override string ToString() => string.Join(Environment.NewLine, _lines.TakeLast(60));
}
