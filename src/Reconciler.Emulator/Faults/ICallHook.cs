namespace Reconciler.Emulator.Faults;

/// <summary>A test hook consulted on every wire call: before handling (to fail or drop it) and after (to learn the outcome).</summary>
public interface ICallHook
{
    CallDirective Before(WireCall call);

    /// <summary>Called after a call was handled; <paramref name="succeeded"/> is true when a 2xx response was sent.</summary>
    void After(WireCall call, bool succeeded)
    {
    }
}
