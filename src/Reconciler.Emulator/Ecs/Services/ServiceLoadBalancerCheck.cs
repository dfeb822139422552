using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.TaskDefinitions;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>ECS's checks that a service's load balancers point at a container port the task definition exposes.</summary>
internal static class ServiceLoadBalancerCheck
{
    /// <param name="echo">The service's echoed request members (loadBalancers, healthCheckGracePeriodSeconds).</param>
    public static void Check(JsonObject echo, TaskDefinitionRecord definition)
    {
        var balancers = echo["loadBalancers"] as JsonArray ?? [];
        if (balancers.Count == 0 && echo["healthCheckGracePeriodSeconds"] is not null)
        {
            throw AwsException.Ecs("Health check grace period is only valid for services configured to use load balancers");
        }
        foreach (var balancer in balancers.OfType<JsonObject>())
        {
            var name = balancer.Str("containerName") ?? "";
            var port = balancer.Int("containerPort");
            var container = definition.Containers.FirstOrDefault(c => c.Str("name") == name)
                ?? throw AwsException.Ecs($"The container {name} does not exist in the task definition.");
            var ports = container.Arr("portMappings")?.OfType<JsonObject>().Select(m => m.Int("containerPort")) ?? [];
            if (!ports.Contains(port))
            {
                throw AwsException.Ecs($"The container {name} did not have a container port {port} defined.");
            }
        }
    }
}
