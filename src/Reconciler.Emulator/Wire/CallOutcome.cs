namespace Reconciler.Emulator.Wire;

/// <summary>Which wire calls a count includes.</summary>
public enum CallOutcome
{
    /// <summary>Every call received, including rejected, faulted and dropped ones.</summary>
    Received,

    /// <summary>Only calls answered with HTTP 200.</summary>
    Succeeded,
}
