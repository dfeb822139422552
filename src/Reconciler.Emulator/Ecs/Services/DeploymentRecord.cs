using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>A service deployment: PRIMARY (the one being rolled out) or ACTIVE (older, draining).</summary>
internal sealed class DeploymentRecord(string id, string taskDefinitionArn, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string TaskDefinitionArn { get; } = taskDefinitionArn;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public string Status { get; set; } = "PRIMARY";

    public string RolloutState { get; set; } = "IN_PROGRESS";

    public string RolloutStateReason { get; set; } = "ECS deployment " + id + " in progress.";

    public int FailedTasks { get; set; }

    public JsonObject? NetworkConfiguration { get; init; }

    /// <summary>Circuit breaker settings in force when the deployment started.</summary>
    public bool CircuitBreakerEnabled { get; init; }

    public bool CircuitBreakerRollback { get; init; }

    public bool Finished => RolloutState is "COMPLETED" or "FAILED";

    /// <summary>When the rollout reached COMPLETED or FAILED.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When a newer deployment replaced this one before it finished.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>Deployments that were running when this one started (the service deployment's source revisions).</summary>
    public IReadOnlyList<string> SourceDeploymentIds { get; init; } = [];

    /// <summary>Set on a FAILED deployment the circuit breaker rolled back: the deployment started to roll back.</summary>
    public DeploymentRecord? RolledBackBy { get; set; }
}
