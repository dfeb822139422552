namespace Reconciler.Core.Health;

/// <summary>Ordered best to worst (as gitops-engine): the worst of several assessments wins.</summary>
public enum HealthStatus
{
    Healthy = 0,
    Suspended = 1,
    Progressing = 2,
    Missing = 3,
    Degraded = 4,
    Unknown = 5,
}
