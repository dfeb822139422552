namespace Reconciler.Core.CloudRun;

/// <summary>
/// Service annotations Reconciler keeps its state in (the same keys as the ECS tags; Cloud Run label keys cannot
/// hold '/', annotations can). Values: fingerprint = template fingerprint last applied; target = the revision name
/// being rolled out; last-known-good = the revision that last became Ready under this daemon; failed-fingerprint =
/// the pin; git-revision = the commit applied; spec = hash of the whole applied spec.
/// </summary>
public static class CloudRunAnnotations
{
    public const string Fingerprint = "reconciler.io/fingerprint";
    public const string Target = "reconciler.io/target";
    public const string LastKnownGood = "reconciler.io/last-known-good";
    public const string FailedFingerprint = "reconciler.io/failed-fingerprint";
    public const string GitRevision = "reconciler.io/git-revision";
    public const string Spec = "reconciler.io/spec";
    public const string ManagedBy = "reconciler.io/managed-by";
    public const string ManagedByValue = "reconciler";
}
