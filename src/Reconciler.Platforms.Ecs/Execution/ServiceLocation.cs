namespace Reconciler.Platforms.Ecs.Execution;

/// <summary>Where a declared service lives, remembered from the last observation (apply always follows an observe).</summary>
internal sealed record ServiceLocation(string Region, string Cluster, string? Arn);
