namespace Reconciler.Core.Outcomes;

/// <summary>
/// How one reconcile of one key ended. Closed hierarchy; <see cref="RequeuePolicy"/> maps it to a requeue
/// decision in exactly one place (as Flux's Stalling / Waiting / Generic errors and controller-runtime's Result).
/// </summary>
public abstract record ReconcileOutcome
{
    private ReconcileOutcome() { }

    /// <summary>Live state matches desired and is healthy. Nothing to do until the next trigger or resync.</summary>
    public sealed record Converged(string Message = "") : ReconcileOutcome;

    /// <summary>A rollout or cloud operation is under way; look again after <see cref="RequeueAfter"/>.</summary>
    public sealed record Waiting(TimeSpan RequeueAfter, string Reason) : ReconcileOutcome;

    /// <summary>
    /// Cannot make progress until the manifest changes (bad input, pinned failed template, no rollback target).
    /// <paramref name="Code"/> is the conditions' reason (e.g. <see cref="WriteRefused"/>), a fixed word.
    /// </summary>
    public sealed record Stalled(string Reason, string Code = "Stalled") : ReconcileOutcome;

    /// <summary>The code of a plan the write allow-list refused before any write.</summary>
    public const string WriteRefused = "WriteRefused";

    /// <summary>An error. Retryable (throttling, 5xx, timeout) backs off; not retryable waits for a manifest change.</summary>
    public sealed record Failed(string Error, bool Retryable) : ReconcileOutcome;
}
