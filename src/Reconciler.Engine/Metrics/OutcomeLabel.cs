using Reconciler.Core.Outcomes;

namespace Reconciler.Engine.Metrics;

/// <summary>
/// The fixed word for a reconcile's outcome, as metric label and span attribute. A failure is "error", as in
/// controller-runtime's <c>controller_runtime_reconcile_total{result="error"}</c> (the alert rules match on it).
/// </summary>
internal static class OutcomeLabel
{
    public static string Of(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.Converged => "converged",
        ReconcileOutcome.Waiting => "waiting",
        ReconcileOutcome.Stalled => "stalled",
        _ => "error",
    };
}
