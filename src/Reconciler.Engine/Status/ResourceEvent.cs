namespace Reconciler.Engine.Status;

/// <summary>One line of a resource's recent history ("rolled back to app:4: 3 tasks stopped: ...").</summary>
public sealed record ResourceEvent(DateTimeOffset At, string Type, string Reason, string Message);
