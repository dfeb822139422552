namespace Reconciler.Core.Outcomes;

/// <summary>
/// The one place an outcome becomes a requeue decision. Pure: the back-off grows 2^n from
/// <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>; jitter, if wanted, is the caller's (it needs randomness).
/// Retry is not a periodic loop: a converged key is forgotten and the resync timer brings it back.
/// </summary>
public sealed record RequeuePolicy(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly RequeuePolicy Default = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    /// <param name="outcome">How the reconcile ended.</param>
    /// <param name="consecutiveFailures">Retryable failures of this key before this one (0 after any success).</param>
    public RequeueDecision Decide(ReconcileOutcome outcome, int consecutiveFailures) => outcome switch
    {
        ReconcileOutcome.Converged => new RequeueDecision.Forget(),
        ReconcileOutcome.Waiting w => new RequeueDecision.After(w.RequeueAfter),
        ReconcileOutcome.Stalled => new RequeueDecision.Forget(),
        ReconcileOutcome.Failed { Retryable: true } => new RequeueDecision.Backoff(BackoffDelay(consecutiveFailures), consecutiveFailures + 1),
        ReconcileOutcome.Failed => new RequeueDecision.Forget(),
        _ => throw new InvalidOperationException($"unknown outcome {outcome.GetType().Name}"),
    };

    /// <summary>BaseDelay × 2^failures, capped at MaxDelay (and safe from overflow for any failure count).</summary>
    public TimeSpan BackoffDelay(int consecutiveFailures)
    {
        var exponent = Math.Clamp(consecutiveFailures, 0, 30);
        var ticks = BaseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
