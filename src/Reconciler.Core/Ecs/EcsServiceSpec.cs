using Reconciler.Core.Model;
using Reconciler.Core.Verification;

namespace Reconciler.Core.Ecs;

/// <summary>
/// Desired state of one ECS service. A null member means "not managed by the manifest": Diff never reports it,
/// so API defaults cannot cause perpetual drift. <see cref="DesiredCount"/> null = left to autoscaling.
/// </summary>
public sealed record EcsServiceSpec(
    string Region,
    string Cluster,
    EcsTaskDefinitionSpec TaskDefinition,
    string? Account = null,
    int? DesiredCount = null,
    EcsServiceSettings? Service = null,
    EcsDeploymentSpec? Deployment = null,
    RollbackSpec? Rollback = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    SyncPolicy? SyncPolicy = null,
    VerifySpec? Verify = null);
