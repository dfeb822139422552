namespace Reconciler.Core.Reconciling;

/// <summary>
/// Inputs of a decision besides the observation. Time is passed in: the core reads no clock.
/// <see cref="IgnorePin"/>: an operator ran <c>reconciler retry</c>, so a failed fingerprint may be applied once more.
/// </summary>
public sealed record DecisionContext(DateTimeOffset Now, string? GitRevision, bool IgnorePin = false);
