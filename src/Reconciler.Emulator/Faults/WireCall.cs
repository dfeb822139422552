using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Faults;

/// <summary>A wire call as a test hook sees it, before it is handled.</summary>
/// <param name="Service">"ecs" or "ssm".</param>
/// <param name="Operation">e.g. "RegisterTaskDefinition".</param>
/// <param name="Region">From the credential scope.</param>
/// <param name="Body">The request body (a copy; changing it has no effect).</param>
/// <param name="Sequence">1 for the first wire call since start or reset.</param>
public sealed record WireCall(string Service, string Operation, string Region, JsonObject Body, long Sequence);

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
