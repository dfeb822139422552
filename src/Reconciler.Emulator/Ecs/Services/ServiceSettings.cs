using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>Applies request members to a service, with the defaults ECS shows when they were never set.</summary>
internal static class ServiceSettings
{
    /// <summary>Request members the Service shape echoes back under the same name.</summary>
    private static readonly string[] EchoedMembers =
    [
        "loadBalancers", "serviceRegistries", "placementConstraints", "placementStrategy", "healthCheckGracePeriodSeconds",
        "schedulingStrategy", "propagateTags", "enableECSManagedTags", "enableExecuteCommand", "platformVersion",
        "capacityProviderStrategy", "deploymentController", "availabilityZoneRebalancing",
    ];

    /// <summary>Members whose change makes ECS start a new deployment.</summary>
    private static readonly string[] RedeployMembers = ["loadBalancers", "serviceRegistries", "platformVersion", "capacityProviderStrategy"];

    public static void ApplyDefaults(ServiceRecord service)
    {
        var echo = service.Echo;
        echo["loadBalancers"] ??= new JsonArray();
        echo["serviceRegistries"] ??= new JsonArray();
        echo["placementConstraints"] ??= new JsonArray();
        echo["placementStrategy"] ??= new JsonArray();
        echo["schedulingStrategy"] ??= "REPLICA";
        echo["propagateTags"] ??= "NONE";
        echo["enableECSManagedTags"] ??= false;
        echo["enableExecuteCommand"] ??= false;
        echo["deploymentController"] ??= new JsonObject { ["type"] = "ECS" };
        if (service.LaunchType == "FARGATE")
        {
            echo["platformVersion"] ??= "LATEST";
            echo["platformFamily"] ??= "Linux";
        }
    }

    /// <summary>The echoed members after applying a request, and whether one that changed requires a new deployment.</summary>
    public static (JsonObject Echo, bool Redeploy) MergeEchoed(JsonObject current, JsonObject request)
    {
        var echo = (JsonObject)current.DeepClone();
        var redeploy = false;
        foreach (var name in EchoedMembers.Where(request.ContainsKey))
        {
            var value = request[name]?.DeepClone();
            redeploy |= RedeployMembers.Contains(name) && !JsonNode.DeepEquals(echo[name], value);
            echo[name] = value;
        }
        return (echo, redeploy);
    }

    /// <summary>Merges a deploymentConfiguration over the current one (ECS replaces only the members given).</summary>
    public static JsonObject MergeDeploymentConfiguration(JsonObject? current, JsonObject? given)
    {
        var merged = (JsonObject?)current?.DeepClone() ?? new JsonObject
        {
            ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = false, ["rollback"] = false },
            ["maximumPercent"] = 200,
            ["minimumHealthyPercent"] = 100,
        };
        foreach (var (name, value) in given ?? [])
        {
            merged[name] = value?.DeepClone();
        }
        var max = merged.Int("maximumPercent") ?? 200;
        var min = merged.Int("minimumHealthyPercent") ?? 100;
        if (max < 100 || min < 0 || min > 100 || max > 2000)
        {
            throw AwsException.Ecs($"Invalid deploymentConfiguration: maximumPercent must be 100..2000 and minimumHealthyPercent 0..100 (got {max} and {min}).");
        }
        return merged;
    }

    /// <summary>Network configuration as ECS returns it: assignPublicIp defaults to DISABLED.</summary>
    public static JsonObject? NormalizeNetwork(JsonObject? given)
    {
        if (given?.DeepClone() is not JsonObject network)
        {
            return null;
        }
        if (network.Obj("awsvpcConfiguration") is { } vpc)
        {
            vpc["assignPublicIp"] ??= "DISABLED";
            vpc["securityGroups"] ??= new JsonArray();
        }
        return network;
    }
}
