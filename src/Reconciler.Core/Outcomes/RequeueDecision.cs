namespace Reconciler.Core.Outcomes;

/// <summary>What the work queue does with a key after a reconcile.</summary>
public abstract record RequeueDecision
{
    private RequeueDecision() { }

    /// <summary>Drop the key and reset its failure count; only a trigger (git change, resync) brings it back.</summary>
    public sealed record Forget : RequeueDecision;

    /// <summary>Enqueue again after a fixed delay and reset the failure count (a rollout being watched).</summary>
    public sealed record After(TimeSpan Delay) : RequeueDecision;

    /// <summary>Enqueue again after an exponential delay; <see cref="Failures"/> is the new consecutive-failure count.</summary>
    public sealed record Backoff(TimeSpan Delay, int Failures) : RequeueDecision;
}
