using Reconciler.Emulator.Faults;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Plays a daemon that dies right after a successful <c>operation</c>: from then on every call is dropped (the process
/// is gone, nothing it sends arrives) until <see cref="Revive"/>, which a scenario calls before starting the next daemon.
/// </summary>
internal sealed class ProcessDeathHook(string operation) : ICallHook
{
    private readonly TaskCompletionSource _died = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _dead;

    /// <summary>Completes when the operation succeeded and the "process" is dead.</summary>
    public Task Died => _died.Task;

    public CallDirective Before(WireCall call) => _dead ? CallDirective.Drop : CallDirective.Proceed;

    public void After(WireCall call, bool succeeded)
    {
        if (!_died.Task.IsCompleted && succeeded && call.Operation == operation)
        {
            _dead = true;
            _died.TrySetResult();
        }
    }

    public void Revive() => _dead = false;
}
