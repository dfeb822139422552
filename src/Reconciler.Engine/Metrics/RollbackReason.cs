using Reconciler.Core.Rollout;

namespace Reconciler.Engine.Metrics;

/// <summary>
/// The <c>reason</c> label of <c>reconciler_rollbacks_total</c>: a fixed word for the rollout's typed
/// <see cref="RolloutFailure"/>, so the label stays bounded and never depends on (or copies) message text.
/// </summary>
internal static class RollbackReason
{
    public static string Of(RolloutFailure cause) => cause switch
    {
        RolloutFailure.CloudRolledBack => "cloud_rolled_back",
        RolloutFailure.DeploymentFailed => "deployment_failed",
        RolloutFailure.TasksStopping => "tasks_stopping",
        RolloutFailure.ProgressDeadline => "progress_deadline",
        RolloutFailure.ServiceDeleted => "service_deleted",
        RolloutFailure.RevisionFailed => "revision_failed",
        RolloutFailure.VerificationFailed => "verification_failed",
        _ => "rollout_failed",
    };
}
