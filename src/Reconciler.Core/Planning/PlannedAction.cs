using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>
/// The plan is data: a closed hierarchy of idempotent actions that <c>diff</c> prints, <c>apply</c> executes,
/// metrics count and tests assert. Each action is safe to repeat.
/// </summary>
public abstract record PlannedAction(ResourceKey Key)
{

    /// <summary>Short verb phrase for CLI output and metric labels (low cardinality).</summary>
    public abstract string Verb { get; }
}

/// <summary>
/// Where an action writes, carried by the action itself so an executor needs nothing gathered during observe: the
/// region, the parent the resource lives in (ECS: the cluster; Cloud Run: the project) and, when the write needs it,
/// the cloud's own id of the resource (ECS TagResource: the service ARN, read from the observation).
/// </summary>
public sealed record ActionLocation(string Region, string Parent, string? ResourceId = null);

/// <summary>Register a task definition revision in <see cref="Region"/>, unless one with the same fingerprint exists (then reuse it).</summary>
public sealed record RegisterTaskDefinition(ResourceKey Key, EcsTaskDefinitionSpec Spec, string Fingerprint, string Region) : PlannedAction(Key)
{
    public override string Verb => "RegisterTaskDefinition";
}

/// <summary>Create the ECS service (idempotent through a clientToken derived from the key and fingerprint).</summary>
public sealed record CreateService(ResourceKey Key, EcsServiceSpec Spec, string Fingerprint) : PlannedAction(Key)
{
    public override string Verb => "CreateService";
}

/// <summary>
/// Update the ECS service. <see cref="TaskDefinitionFingerprint"/> set = point it at the task definition with that
/// fingerprint (registered by a preceding action); <see cref="DesiredCount"/> set = scale; settings set = reconfigure.
/// </summary>
public sealed record UpdateService(
    ResourceKey Key,
    EcsServiceSpec Spec,
    string? TaskDefinitionFingerprint,
    int? DesiredCount,
    bool Settings) : PlannedAction(Key)
{
    public override string Verb => "UpdateService";
}

/// <summary>
/// Add/replace tags on the service (the managed-by, fingerprint and revision tags, and the manifest's tags). With
/// <see cref="TargetFingerprint"/>, the target tag also records the task definition with that fingerprint, which a
/// preceding action of the same plan registered or reused (its ARN is not known before it runs).
/// </summary>
public sealed record TagService(ResourceKey Key, ActionLocation Location, IReadOnlyDictionary<string, string> Tags, string? TargetFingerprint = null) : PlannedAction(Key)
{
    public override string Verb => "TagResource";
}

/// <summary>
/// Put the resource back on the last known-good version chosen by the pure core (ECS: a task definition ARN; Cloud
/// Run: a revision name). Platform-neutral: each platform's executor knows what a version is.
/// </summary>
public sealed record RollBack(ResourceKey Key, ActionLocation Location, string TargetVersion, string Reason) : PlannedAction(Key)
{
    public override string Verb => "RollBack";
}

/// <summary>Cloud Run: create or patch the service so a new revision with this template is deployed.</summary>
public sealed record DeployRevision(ResourceKey Key, CloudRunServiceSpec Spec, string Fingerprint, bool Create) : PlannedAction(Key)
{
    public override string Verb => Create ? "CreateCloudRunService" : "PatchCloudRunService";
}

/// <summary>Cloud Run: set the traffic split.</summary>
public sealed record ShiftTraffic(ResourceKey Key, ActionLocation Location, IReadOnlyList<CloudRunTrafficTarget> Targets) : PlannedAction(Key)
{
    public override string Verb => "ShiftTraffic";
}
