namespace Reconciler.Emulator.Faults;

/// <summary>Adapts a delegate to <see cref="ICallHook"/>.</summary>
internal sealed class FuncCallHook(Func<WireCall, CallDirective> before) : ICallHook
{
    public CallDirective Before(WireCall call) => before(call);
}
