namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>
/// The limits the ECS API states (botocore model <c>ecs-2014-11-13</c>: shapes <c>Tags</c>, <c>TagKey</c>,
/// <c>TagValue</c>, <c>PortNumber</c> and the member documentation). A test reads the vendored model and checks each
/// value here still agrees with it.
/// </summary>
public static class EcsLimits
{
    /// <summary>
    /// ECS allows 255 characters, but Reconciler writes the task definition ARN
    /// (<c>arn:PARTITION:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION</c>) into tag values of at most 256
    /// characters; 160 keeps the longest such ARN inside a tag value with room to spare (see TagValueFitTests).
    /// </summary>
    public const int MaxFamilyLength = 160;
    public const int MaxNameLength = 255;
    public const int MaxRegionLength = 25;

    public const int MaxTags = 50;
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 256;
    /// <summary>The model's pattern for <c>TagKey</c> and <c>TagValue</c>.</summary>
    public const string TagPattern = @"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)";

    /// <summary>ECS service quota "Containers per task definition" (not adjustable); Cloud Run allows 10 per instance too.</summary>
    public const int MaxContainers = 10;

    public const int MaxCapacityProviderWeight = 1000;
    public const int MaxCapacityProviderBase = 100000;

    public const int MaxSubnets = 16;
    public const int MaxSecurityGroups = 5;

    public const int MinTaskCpu = 128;
    public const int MaxTaskCpu = 196608;
    /// <summary>Docker 20.10+ reserves 6 MiB for a container; ECS refuses less.</summary>
    public const int MinContainerMemory = 6;

    public static readonly (string Field, int Min, int Max) HealthCheckInterval = ("interval", 5, 300);
    public static readonly (string Field, int Min, int Max) HealthCheckTimeout = ("timeout", 2, 60);
    public static readonly (string Field, int Min, int Max) HealthCheckRetries = ("retries", 1, 10);
    public static readonly (string Field, int Min, int Max) HealthCheckStartPeriod = ("startPeriod", 0, 300);
}
