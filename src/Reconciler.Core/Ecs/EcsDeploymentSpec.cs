namespace Reconciler.Core.Ecs;

/// <summary>Rolling-deployment settings plus the health gate: <see cref="ProgressDeadline"/> (default 10 minutes).</summary>
public sealed record EcsDeploymentSpec(
    int? MinimumHealthyPercent = null,
    int? MaximumPercent = null,
    EcsCircuitBreaker? CircuitBreaker = null,
    TimeSpan? ProgressDeadline = null,
    EcsDeploymentAlarms? Alarms = null)
{
    public static readonly TimeSpan DefaultProgressDeadline = TimeSpan.FromMinutes(10);
    public TimeSpan EffectiveProgressDeadline => ProgressDeadline ?? DefaultProgressDeadline;
}

public sealed record EcsCircuitBreaker(bool Enable, bool Rollback);

public sealed record EcsDeploymentAlarms(IReadOnlyList<string> Names, bool Enable = true, bool Rollback = true);
