using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Tasks;

/// <summary>Renders a simulated task the way DescribeTasks returns it.</summary>
internal static class TaskJson
{
    public static JsonObject ToJson(TaskRecord task, string serviceName, string launchType, EcsArns arns, string cluster)
    {
        var json = new JsonObject
        {
            ["taskArn"] = task.Arn,
            ["clusterArn"] = arns.Cluster(cluster),
            ["taskDefinitionArn"] = task.TaskDefinition.Arn,
            ["lastStatus"] = LastStatus(task.State),
            ["desiredStatus"] = task.State == TaskState.Stopped ? "STOPPED" : "RUNNING",
            ["healthStatus"] = task.Health.ToString().ToUpperInvariant(),
            ["containers"] = task.Containers.Select(c => (JsonNode)Container(task, c, arns, cluster)).ToJsonArray(),
            ["createdAt"] = JsonArgs.Epoch(task.CreatedAt),
            ["group"] = "service:" + serviceName,
            ["startedBy"] = task.DeploymentId,
            ["launchType"] = launchType,
            ["availabilityZone"] = arns.Region + "a",
            ["connectivity"] = "CONNECTED",
            ["connectivityAt"] = JsonArgs.Epoch(task.CreatedAt),
            ["version"] = (long)(1 + (task.StartedAt is null ? 0 : 1) + (task.StoppedAt is null ? 0 : 1)),
            ["attachments"] = new JsonArray(),
        };
        CopyTaskSize(task, json);
        AddTimes(task, json);
        return json;
    }

    private static void AddTimes(TaskRecord task, JsonObject json)
    {
        if (task.StartedAt is { } started)
        {
            json["pullStartedAt"] = JsonArgs.Epoch(task.CreatedAt.AddSeconds(2));
            json["pullStoppedAt"] = JsonArgs.Epoch(started.AddSeconds(-1));
            json["startedAt"] = JsonArgs.Epoch(started);
        }
        if (task.StoppedAt is { } stopped)
        {
            json["stoppingAt"] = JsonArgs.Epoch(stopped);
            json["executionStoppedAt"] = JsonArgs.Epoch(stopped);
            json["stoppedAt"] = JsonArgs.Epoch(stopped);
            json["stoppedReason"] = task.StoppedReason;
            json["stopCode"] = task.StopCode;
        }
    }

    private static void CopyTaskSize(TaskRecord task, JsonObject json)
    {
        if (task.TaskDefinition.Body.Str("cpu") is { } cpu)
        {
            json["cpu"] = cpu;
        }
        if (task.TaskDefinition.Body.Str("memory") is { } memory)
        {
            json["memory"] = memory;
        }
    }

    private static JsonObject Container(TaskRecord task, ContainerRecord container, EcsArns arns, string cluster)
    {
        var json = new JsonObject
        {
            ["containerArn"] = arns.Container(cluster, task.Id, container.Id),
            ["taskArn"] = task.Arn,
            ["name"] = container.Name,
            ["image"] = container.Image,
            ["lastStatus"] = container.LastStatus,
            ["healthStatus"] = container.Health.ToString().ToUpperInvariant(),
            ["networkBindings"] = new JsonArray(),
            ["networkInterfaces"] = new JsonArray(),
        };
        if (container.ExitCode is { } exit)
        {
            json["exitCode"] = exit;
        }
        if (container.Reason is { } reason)
        {
            json["reason"] = reason;
        }
        return json;
    }

    private static string LastStatus(TaskState state) => state switch
    {
        TaskState.Pending => "PENDING",
        TaskState.Running => "RUNNING",
        _ => "STOPPED",
    };
}
