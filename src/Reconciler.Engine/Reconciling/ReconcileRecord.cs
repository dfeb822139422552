using Reconciler.Core.Health;
using Reconciler.Core.Outcomes;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Seams;
using Reconciler.Engine.Desired;

namespace Reconciler.Engine.Reconciling;

/// <summary>What one reconcile learned, gathered as it goes so the <c>finally</c> block can write status whatever happened.</summary>
internal sealed class ReconcileRecord(DesiredEntry entry)
{
    public DesiredEntry Entry { get; } = entry;

    /// <summary>The resource was removed from git and is being pruned (its last manifest enabled prune).</summary>
    public bool Orphan { get; init; }
    public Observation? Observation { get; set; }
    public Decision? Decision { get; set; }
    public HealthAssessment? Health { get; set; }
    public string? Error { get; set; }

    /// <summary>The verification this reconcile ran or saw (null: none, the status keeps the last one).</summary>
    public Status.VerificationStatus? Verification { get; set; }
    public ReconcileOutcome Outcome { get; set; } = new ReconcileOutcome.Failed("reconcile did not finish", true);
}
