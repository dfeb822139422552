namespace Reconciler.Core.Status;

/// <summary>
/// One status condition, as Kubernetes / Flux write them. <see cref="LastTransition"/> changes only when
/// <see cref="Status"/> flips, so "since when" stays true across reconciles.
/// </summary>
public sealed record Condition(string Type, bool Status, string Reason, string Message, DateTimeOffset LastTransition);

public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Reconciling = "Reconciling";
    public const string Stalled = "Stalled";
}
