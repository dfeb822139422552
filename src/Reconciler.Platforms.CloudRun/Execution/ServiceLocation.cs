namespace Reconciler.Platforms.CloudRun.Execution;

/// <summary>Where a service lives, remembered from observe for the actions that carry only the key.</summary>
internal sealed record ServiceLocation(string Project, string Region, string Name);
