namespace Reconciler.Core.Rollout;

/// <summary>
/// Why a rollout failed, as a type: the assessor that judged the rollout says it, the rollback decision carries it,
/// and the <c>reason</c> label of <c>reconciler_rollbacks_total</c> is read from it (never from message text).
/// </summary>
public enum RolloutFailure
{
    /// <summary>Not classified (a failure from a path that does not say why).</summary>
    Other,

    /// <summary>The cloud rolled the deployment back by itself (ECS's deployment circuit breaker).</summary>
    CloudRolledBack,

    /// <summary>The cloud marked the deployment FAILED.</summary>
    DeploymentFailed,

    /// <summary>Tasks of the new version kept stopping (failed health checks, crashes).</summary>
    TasksStopping,

    /// <summary>No steady state / Ready revision within the progress deadline.</summary>
    ProgressDeadline,

    /// <summary>The service was deleted during the rollout.</summary>
    ServiceDeleted,

    /// <summary>The new Cloud Run revision failed (its condition or the service's terminal condition).</summary>
    RevisionFailed,

    /// <summary>A <c>spec.verify</c> check failed after the platform said the rollout was ready.</summary>
    VerificationFailed,
}
