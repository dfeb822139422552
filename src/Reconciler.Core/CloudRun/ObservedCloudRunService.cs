namespace Reconciler.Core.CloudRun;

/// <summary>
/// Live state of one Cloud Run service (v2 <c>projects.locations.services.get</c>), normalized. The revision
/// template is mapped back into <see cref="CloudRunServiceSpec"/> (its <see cref="CloudRunServiceSpec.Ingress"/>
/// carries the service's ingress); traffic uses <c>Latest = true</c> for TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST.
/// The trailing members are optional: <see cref="Generation"/>/<see cref="ObservedGeneration"/> (equal once the
/// service settled), the service's <see cref="Annotations"/> (where Reconciler keeps its state: label keys cannot
/// hold '/'), the <see cref="TerminalCondition"/>, the traffic actually served (<see cref="TrafficStatuses"/>), the
/// revisions read while a rollout is unsettled (<see cref="Revisions"/>, newest first) and the template's own
/// revision name (<see cref="TemplateRevision"/>).
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
    bool Reconciling = false,
    long? Generation = null,
    long? ObservedGeneration = null,
    IReadOnlyDictionary<string, string>? Annotations = null,
    CloudRunCondition? TerminalCondition = null,
    IReadOnlyList<CloudRunTrafficTarget>? TrafficStatuses = null,
    IReadOnlyList<ObservedCloudRunRevision>? Revisions = null,
    string? TemplateRevision = null)
{
    public CloudRunCondition? Condition(string type) => Conditions.FirstOrDefault(c => c.Type == type);

    /// <summary>One of the service's annotations (e.g. <c>reconciler.io/fingerprint</c>), or null.</summary>
    public string? Annotation(string key) => Annotations?.GetValueOrDefault(key);

    /// <summary>The observed revision with this short name, if it was read.</summary>
    public ObservedCloudRunRevision? Revision(string name) => Revisions?.FirstOrDefault(r => r.Name == name);
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
