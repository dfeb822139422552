namespace Reconciler.Core.Health;

/// <summary>A health verdict with a message a person can act on ("3 tasks stopped: Task failed container health checks").</summary>
public sealed record HealthAssessment(HealthStatus Status, string Message)
{
    public static HealthAssessment Worst(params HealthAssessment[] all) => all.MaxBy(a => (int)a.Status) ?? new(HealthStatus.Unknown, "");
}
