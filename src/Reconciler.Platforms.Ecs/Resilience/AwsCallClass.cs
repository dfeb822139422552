namespace Reconciler.Platforms.Ecs.Resilience;

/// <summary>Which of a region's token buckets a call waits on: ECS limits RegisterTaskDefinition far below other calls.</summary>
public enum AwsCallClass
{
    Standard,
    Registration,
}
