namespace Reconciler.Core.Rollout;

/// <summary>Where a rollout stands. Closed hierarchy: exactly one of InProgress, Completed, Failed.</summary>
public abstract record RolloutVerdict
{
    private RolloutVerdict() { }

    public sealed record InProgress(string Message) : RolloutVerdict;

    public sealed record Completed(string Message) : RolloutVerdict;

    /// <summary>
    /// <see cref="StoppedReasonsSummary"/>: "3 tasks stopped: Task failed container health checks", when tasks stopped;
    /// <see cref="Cause"/>: why, as a type (the rollback metric's reason).
    /// </summary>
    public sealed record Failed(string Reason, string? StoppedReasonsSummary, RolloutFailure Cause = RolloutFailure.Other) : RolloutVerdict
    {
        public string Message => StoppedReasonsSummary is null ? Reason : $"{Reason}; {StoppedReasonsSummary}";
    }
}
