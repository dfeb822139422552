namespace Reconciler.Engine.Metrics;

/// <summary>
/// The <c>reason</c> label of <c>reconciler_rollbacks_total</c>: a fixed word for why the rollout failed, so the label
/// stays bounded whatever the message says. Read from the decider's message until decisions carry a typed reason.
/// </summary>
internal static class RollbackReason
{
    public const string CloudRolledBack = "cloud_rolled_back";
    public const string DeploymentFailed = "deployment_failed";
    public const string TasksStopping = "tasks_stopping";
    public const string Deadline = "progress_deadline";
    public const string VerificationFailed = "verification_failed";
    public const string Other = "rollout_failed";

    /// <remarks>Verification first: its evidence quotes a response body, which may say anything ("FAILED", "keep stopping").</remarks>
    public static string Of(string message) =>
        message.Contains("verification failed: check ", StringComparison.Ordinal) ? VerificationFailed
        : message.Contains("ECS rolled back", StringComparison.Ordinal) || message.Contains("rolled back by ECS", StringComparison.Ordinal) ? CloudRolledBack
        : message.Contains("keep stopping", StringComparison.Ordinal) ? TasksStopping
        : message.Contains("progress deadline", StringComparison.Ordinal) ? Deadline
        : message.Contains("FAILED", StringComparison.Ordinal) ? DeploymentFailed
        : Other;
}
