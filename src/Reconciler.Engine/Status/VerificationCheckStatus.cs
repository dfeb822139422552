namespace Reconciler.Engine.Status;

/// <summary>One check's counts and its last result with evidence ("status 500, body: ...", "value 0.07, wants &lt; 0.01").</summary>
public sealed record VerificationCheckStatus(string Name, string Kind, int Passes, int Failures, int Inconclusives, DateTimeOffset? LastAt,
    string? Last, string? Evidence);
