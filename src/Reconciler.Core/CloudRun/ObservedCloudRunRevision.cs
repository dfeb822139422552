namespace Reconciler.Core.CloudRun;

/// <summary>
/// One revision of a Cloud Run service (v2 <c>revisions.list</c>), read only while a rollout is unsettled.
/// <see cref="Name"/> is the short name (<c>web-1a2b3c4d5e6f</c>), not the full resource name. A failed revision
/// carries its cause in a condition's <see cref="CloudRunCondition.Reason"/> / <see cref="CloudRunCondition.RevisionReason"/>
/// (e.g. HEALTH_CHECK_CONTAINER_ERROR, CONTAINER_MISSING).
/// </summary>
public sealed record ObservedCloudRunRevision(
    string Name,
    IReadOnlyList<CloudRunCondition> Conditions,
    bool Reconciling = false,
    DateTimeOffset? CreateTime = null,
    string? Fingerprint = null)
{
    public CloudRunCondition? Condition(string type) => Conditions.FirstOrDefault(c => c.Type == type);

    /// <summary>The first failed condition, the reason a rollout of this revision failed.</summary>
    public CloudRunCondition? Failure => Conditions.FirstOrDefault(c => c.State == CloudRunConditionStates.Failed);
}
