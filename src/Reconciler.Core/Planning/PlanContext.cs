namespace Reconciler.Core.Planning;

/// <summary>
/// What a plan needs besides desired state and diff. <see cref="FailedFingerprint"/> is the pin read from the
/// <c>reconciler.io/failed-fingerprint</c> tag: the template whose rollout failed and was rolled back.
/// </summary>
public sealed record PlanContext(string? GitRevision = null, string? FailedFingerprint = null)
{
    public static readonly PlanContext None = new();
}
