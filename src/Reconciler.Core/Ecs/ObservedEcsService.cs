namespace Reconciler.Core.Ecs;

/// <summary>
/// Live state of one ECS service, normalized from DescribeServices (+ the task definition it runs, + recent stopped tasks).
/// Settings the API fills with defaults are present here; Diff ignores whatever the manifest does not set.
/// </summary>
public sealed record ObservedEcsService(
    string ServiceName,
    string ServiceArn,
    string Status,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    string TaskDefinitionArn,
    ObservedTaskDefinition? TaskDefinition,
    EcsServiceSettings Settings,
    EcsDeploymentSpec Deployment,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<ObservedDeployment> Deployments,
    IReadOnlyList<ServiceEvent> Events,
    IReadOnlyList<StoppedTask> StoppedTasks)
{
    public string? Tag(string key) => Tags.TryGetValue(key, out var v) ? v : null;
}

/// <summary>A registered (immutable) task definition revision, normalized back into the spec shape.</summary>
public sealed record ObservedTaskDefinition(
    string Arn,
    int Revision,
    string Status,
    EcsTaskDefinitionSpec Spec,
    IReadOnlyDictionary<string, string> Tags)
{
    public string? Fingerprint => Tags.TryGetValue(TagKeys.Fingerprint, out var v) ? v : null;
}

/// <summary>One entry of <c>service.deployments</c>: PRIMARY (the newest) or ACTIVE (being drained).</summary>
public sealed record ObservedDeployment(
    string Id,
    string Status,
    string TaskDefinitionArn,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    int FailedTasks,
    string? RolloutState,
    string? RolloutStateReason,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt);

public sealed record ServiceEvent(string Id, DateTimeOffset CreatedAt, string Message);

/// <summary>A task ECS stopped, with why (e.g. "Task failed container health checks").</summary>
public sealed record StoppedTask(string TaskArn, string TaskDefinitionArn, string? StoppedReason, DateTimeOffset? StoppedAt);
