using Reconciler.Core.Outcomes;

namespace Reconciler.Core.Status;

/// <summary>Pure helpers that set conditions; the clock's value comes in as <c>now</c>.</summary>
public static class Conditions
{
    /// <summary>Sets (adds or replaces) one condition, keeping its LastTransition when the status did not change.</summary>
    public static IReadOnlyList<Condition> Set(IReadOnlyList<Condition> existing, string type, bool status,
        string reason, string message, DateTimeOffset now)
    {
        var previous = existing.FirstOrDefault(c => c.Type == type);
        var since = previous is not null && previous.Status == status ? previous.LastTransition : now;
        var updated = new Condition(type, status, reason, message, since);
        return previous is null
            ? [.. existing, updated]
            : existing.Select(c => c.Type == type ? updated : c).ToArray();
    }

    /// <summary>Ready / Reconciling / Stalled for an outcome: exactly the three, always all written.</summary>
    public static IReadOnlyList<Condition> For(IReadOnlyList<Condition> existing, ReconcileOutcome outcome, DateTimeOffset now)
    {
        var (ready, reconciling, stalled, reason, message) = outcome switch
        {
            ReconcileOutcome.Converged c => (true, false, false, "Converged", c.Message),
            ReconcileOutcome.Waiting w => (false, true, false, "Progressing", w.Reason),
            ReconcileOutcome.Stalled s => (false, false, true, s.Code, s.Reason),
            ReconcileOutcome.Failed { Retryable: true } f => (false, true, false, "RetryableError", f.Error),
            ReconcileOutcome.Failed f => (false, false, true, "Error", f.Error),
            _ => throw new InvalidOperationException($"unknown outcome {outcome.GetType().Name}"),
        };
        var result = Set(existing, ConditionTypes.Ready, ready, reason, message, now);
        result = Set(result, ConditionTypes.Reconciling, reconciling, reason, reconciling ? message : "", now);
        return Set(result, ConditionTypes.Stalled, stalled, reason, stalled ? message : "", now);
    }
}
