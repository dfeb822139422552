using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Tags;
using Reconciler.Emulator.Ecs.Tasks;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>Renders a service the way DescribeServices returns it: counts derived from its simulated tasks.</summary>
internal static class ServiceJson
{
    public static JsonObject ToJson(ServiceRecord service, EcsArns arns, bool includeTags)
    {
        var json = new JsonObject
        {
            ["serviceArn"] = service.Arn,
            ["serviceName"] = service.Name,
            ["clusterArn"] = arns.Cluster(service.ClusterName),
            ["status"] = service.Status,
            ["desiredCount"] = service.DesiredCount,
            ["runningCount"] = service.LiveTasks.Count(t => t.State == TaskState.Running),
            ["pendingCount"] = service.LiveTasks.Count(t => t.State == TaskState.Pending),
            ["taskDefinition"] = service.TaskDefinitionArn,
            ["deploymentConfiguration"] = service.DeploymentConfiguration.DeepClone(),
            ["deployments"] = Deployments(service).ToJsonArray(),
            ["events"] = service.Events.Select(e => (JsonNode)Event(e)).ToJsonArray(),
            ["createdAt"] = JsonArgs.Epoch(service.CreatedAt),
            ["createdBy"] = arns.RoleRoot,
        };
        foreach (var (name, value) in service.Echo)
        {
            json[name] = value?.DeepClone();
        }
        if (service.Echo["capacityProviderStrategy"] is null)
        {
            json["launchType"] = service.LaunchType;
        }
        if (service.NetworkConfiguration is not null)
        {
            json["networkConfiguration"] = service.NetworkConfiguration.DeepClone();
        }
        if (includeTags)
        {
            json["tags"] = Tag.ToJsonArray(service.Tags);
        }
        return json;
    }

    private static IEnumerable<JsonNode> Deployments(ServiceRecord service) =>
        service.Deployments.AsEnumerable().Reverse().Select(d => (JsonNode)Deployment(service, d));

    private static JsonObject Deployment(ServiceRecord service, DeploymentRecord deployment)
    {
        var tasks = service.LiveTasksOf(deployment).ToList();
        var json = new JsonObject
        {
            ["id"] = deployment.Id,
            ["status"] = deployment.Status,
            ["taskDefinition"] = deployment.TaskDefinitionArn,
            ["desiredCount"] = deployment.Status == "PRIMARY" ? service.DesiredCount : tasks.Count,
            ["pendingCount"] = tasks.Count(t => t.State == TaskState.Pending),
            ["runningCount"] = tasks.Count(t => t.State == TaskState.Running),
            ["failedTasks"] = deployment.FailedTasks,
            ["createdAt"] = JsonArgs.Epoch(deployment.CreatedAt),
            ["updatedAt"] = JsonArgs.Epoch(deployment.UpdatedAt),
            ["rolloutState"] = deployment.RolloutState,
            ["rolloutStateReason"] = deployment.RolloutStateReason,
        };
        if (service.Echo["capacityProviderStrategy"] is null)
        {
            json["launchType"] = service.LaunchType;
        }
        if (service.Echo["platformVersion"] is { } platform)
        {
            json["platformVersion"] = platform.DeepClone();
        }
        if (deployment.NetworkConfiguration is not null)
        {
            json["networkConfiguration"] = deployment.NetworkConfiguration.DeepClone();
        }
        return json;
    }

    private static JsonObject Event(ServiceEvent e) =>
        new() { ["id"] = e.Id, ["createdAt"] = JsonArgs.Epoch(e.CreatedAt), ["message"] = e.Message };
}
