using System.Collections.Concurrent;
using System.Diagnostics;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>A child process's stderr kept line by line; completes a signal when the process says it is ready, or fails when it exits first.</summary>
internal sealed class StderrLog
{
    private const string ReadyLine = "Server is ready to receive web requests.";
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StderrLog(Process process)
    {
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _ready.TrySetException(new AssertionException($"prometheus exited before it was ready:\n{this}"));
                return;
            }
            _lines.Enqueue(e.Data);
            if (e.Data.Contains(ReadyLine, StringComparison.Ordinal)) _ready.TrySetResult();
        };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public Task ReadyAsync(TimeSpan guard) => _ready.Task.WaitAsync(guard);

    public override string ToString() => string.Join(Environment.NewLine, _lines.TakeLast(40));
}
