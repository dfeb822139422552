using System.Collections.Concurrent;
using Reconciler.Daemon.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// The daemon's Serilog output kept in memory, so a scenario can check what was logged and print it on failure:
/// each event as a short line, and as the compact JSON the daemon writes in a cluster (every property included).
/// </summary>
internal sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _json = new();
    private readonly ConcurrentDictionary<TaskCompletionSource, Func<string, bool>> _waiters = new();
    private readonly RenderedCompactJsonFormatter _formatter = new();

    /// <summary>The daemon's own levels and enrichers (<see cref="Logging.Configure"/>), down to Debug.</summary>
    public Serilog.ILogger Logger() => Logging.Configure(new LoggerConfiguration(), LogEventLevel.Debug).WriteTo.Sink(this).CreateLogger();

    public IReadOnlyList<string> Lines => _lines.ToList();

    /// <summary>Every event as one compact JSON line, properties and scope included.</summary>
    public IReadOnlyList<string> JsonLines => _json.ToList();

    public void Emit(LogEvent logEvent)
    {
        var line = $"{logEvent.Level} {logEvent.RenderMessage()}{(logEvent.Exception is null ? "" : " " + logEvent.Exception.GetType().Name)}";
        using var json = new StringWriter();
        _formatter.Format(logEvent, json);
        _json.Enqueue(json.ToString());
        _lines.Enqueue(line);
        foreach (var (waiter, match) in _waiters)
        {
            if (match(line)) waiter.TrySetResult();
        }
    }

    /// <summary>Completes when a line logged from now on matches (a signal, not a poll); <paramref name="guard"/> is a hang guard.</summary>
    public async Task NextLineAsync(Func<string, bool> match, TimeSpan guard)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[waiter] = match;
        try
        {
            await waiter.Task.WaitAsync(guard);
        }
        finally
        {
            _waiters.TryRemove(waiter, out _);
        }
    }

    public override string ToString() => string.Join(Environment.NewLine, _lines.TakeLast(60));
}
