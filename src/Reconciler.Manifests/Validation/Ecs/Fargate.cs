using Reconciler.Core.Ecs;

namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>Whether a service runs on Fargate, and why (for the message).</summary>
internal static class Fargate
{
    /// <summary>The manifest field that makes this a Fargate service, or null when it is not one.</summary>
    public static string? Reason(EcsServiceSpec spec)
    {
        if (spec.TaskDefinition.RequiresCompatibilities?.Contains("FARGATE") == true)
        {
            return "requiresCompatibilities lists FARGATE";
        }
        if (spec.Service?.LaunchType == "FARGATE")
        {
            return "launchType is FARGATE";
        }
        return spec.Service?.CapacityProviderStrategy?.Any(p => p.CapacityProvider is "FARGATE" or "FARGATE_SPOT") == true
            ? "the capacity provider strategy uses FARGATE"
            : null;
    }
}
