namespace Reconciler.Core.Ecs;

/// <summary>String values ECS reports for services and deployments (see ecs-2014-11-13.service-2.json).</summary>
public static class EcsStatuses
{
    public const string Active = "ACTIVE";
    public const string Draining = "DRAINING";
    public const string Inactive = "INACTIVE";

    /// <summary>deployment.status: the newest deployment.</summary>
    public const string Primary = "PRIMARY";

    /// <summary>deployment.rolloutState values.</summary>
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string InProgress = "IN_PROGRESS";
}
