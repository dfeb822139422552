namespace Reconciler.Platforms.Ecs.Wire.Ecs;

/// <summary>ECS <c>DeploymentConfiguration</c> (rolling-update bounds, circuit breaker, alarm rollback).</summary>
public sealed record DeploymentConfiguration
{
    public DeploymentCircuitBreaker? DeploymentCircuitBreaker { get; init; }
    public int? MaximumPercent { get; init; }
    public int? MinimumHealthyPercent { get; init; }
    public DeploymentAlarms? Alarms { get; init; }
}

public sealed record DeploymentCircuitBreaker(bool Enable, bool Rollback);

public sealed record DeploymentAlarms
{
    public IReadOnlyList<string> AlarmNames { get; init; } = [];
    public bool Enable { get; init; }
    public bool Rollback { get; init; }
}
