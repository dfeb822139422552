using Reconciler.Emulator.Faults;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>The process "dies" right after the first successful <c>operation</c>: every later call is dropped until revived.</summary>
internal sealed class KillAfter(string operation) : ICallHook
{
    private volatile bool _dead;
    private volatile bool _revived;

    public void Revive() => _revived = true;

    public CallDirective Before(WireCall call) => _dead && !_revived ? CallDirective.Drop : CallDirective.Proceed;

    public void After(WireCall call, bool succeeded)
    {
        if (succeeded && call.Operation == operation && !_revived)
        {
            _dead = true;
        }
    }
}
