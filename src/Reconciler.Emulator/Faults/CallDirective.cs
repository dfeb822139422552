namespace Reconciler.Emulator.Faults;

/// <summary>What a hook wants done with a call.</summary>
public abstract record CallDirective
{
    /// <summary>Handle the call normally.</summary>
    public static CallDirective Proceed { get; } = new ProceedDirective();

    /// <summary>Abort the connection before the call is handled: nothing changes in the emulator.</summary>
    public static CallDirective Drop { get; } = new DropDirective(AfterApplying: false);

    /// <summary>Handle the call, then abort the connection: the change happens but the client never learns it.</summary>
    public static CallDirective DropAfterApplying { get; } = new DropDirective(AfterApplying: true);

    /// <summary>Answer with an AWS error instead of handling the call.</summary>
    public static CallDirective Fail(string type, string message, int status = 400) => new FailDirective(type, message, status);

    internal sealed record ProceedDirective : CallDirective;

    internal sealed record DropDirective(bool AfterApplying) : CallDirective;

    internal sealed record FailDirective(string Type, string Message, int Status) : CallDirective;
}
