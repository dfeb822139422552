namespace Reconciler.Emulator.Faults;

/// <summary>
/// After the next successful <c>operation</c>, drops the connections of the following <c>count</c> calls — the shape
/// of a reconciler process killed between RegisterTaskDefinition and UpdateService.
/// </summary>
internal sealed class DropAfterSuccessHook(string operation, int count) : ICallHook
{
    private bool _armed;
    private int _remaining = count;

    public CallDirective Before(WireCall call)
    {
        if (!_armed || _remaining <= 0)
        {
            return CallDirective.Proceed;
        }
        _remaining--;
        return CallDirective.Drop;
    }

    public void After(WireCall call, bool succeeded)
    {
        if (!_armed && succeeded && call.Operation == operation)
        {
            _armed = true;
        }
    }
}
