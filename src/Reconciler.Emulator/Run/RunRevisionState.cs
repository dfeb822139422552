namespace Reconciler.Emulator.Run;

/// <summary>Where a revision is at a given simulated time.</summary>
internal enum RunRevisionState
{
    Pending,
    Ready,
    Failed,
}
