namespace Reconciler.Core.Ecs;

/// <summary>Tags Reconciler writes on what it manages; state that must survive a restart lives here, in the cloud.</summary>
public static class TagKeys
{
    public const string ManagedBy = "reconciler.io/managed-by";
    public const string ManagedByValue = "reconciler";
    /// <summary>SHA-256 of the canonical desired task definition (on task definitions and services).</summary>
    public const string Fingerprint = "reconciler.io/fingerprint";
    public const string GitRevision = "reconciler.io/git-revision";

    /// <summary>On the service: SHA-256 of the whole desired spec Reconciler last applied (template, count, settings).</summary>
    public const string Spec = "reconciler.io/spec";
    /// <summary>On the service: the task definition ARN that last reached COMPLETED under this daemon.</summary>
    public const string LastKnownGood = "reconciler.io/last-known-good";
    /// <summary>On the service: the fingerprint whose rollout failed and was rolled back (the pin that stops a re-apply loop).</summary>
    public const string FailedFingerprint = "reconciler.io/failed-fingerprint";

    /// <summary>On the service: the task definition ARN Reconciler last pointed it at (the rollout being watched).</summary>
    public const string Target = "reconciler.io/target";
}
