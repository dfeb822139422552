namespace Reconciler.Core.CloudRun;

/// <summary>
/// Live state of one Cloud Run service (v2 <c>projects.locations.services.get</c>), normalized. The revision
/// template is mapped back into <see cref="CloudRunServiceSpec"/> (its <see cref="CloudRunServiceSpec.Ingress"/>
/// carries the service's ingress); traffic uses <c>Latest = true</c> for TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST.
/// </summary>
public sealed record ObservedCloudRunService(
    string Name,
    string? Uri,
    string? LatestReadyRevision,
    string? LatestCreatedRevision,
    CloudRunServiceSpec Template,
    IReadOnlyList<CloudRunTrafficTarget> Traffic,
    IReadOnlyList<CloudRunCondition> Conditions,
    IReadOnlyDictionary<string, string> Labels,
    bool Reconciling = false)
{
    public CloudRunCondition? Condition(string type) => Conditions.FirstOrDefault(c => c.Type == type);
}

/// <summary>
/// One entry of <c>conditions</c> / <c>terminalCondition</c>. <see cref="State"/> is one of the
/// <c>CONDITION_*</c> values in <see cref="CloudRunConditionStates"/>.
/// </summary>
public sealed record CloudRunCondition(string Type, string State, string? Reason = null, string? Message = null, string? RevisionReason = null);

public static class CloudRunConditionTypes
{
    public const string Ready = "Ready";
    public const string RoutesReady = "RoutesReady";
    public const string ConfigurationsReady = "ConfigurationsReady";
}

public static class CloudRunConditionStates
{
    public const string Succeeded = "CONDITION_SUCCEEDED";
    public const string Failed = "CONDITION_FAILED";
    public const string Pending = "CONDITION_PENDING";
    public const string Reconciling = "CONDITION_RECONCILING";
}
