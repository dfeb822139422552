using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Tags;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Clusters;

/// <summary>CreateCluster (idempotent, as in ECS) and DescribeClusters.</summary>
internal static class ClusterOperations
{
    public static JsonObject Create(EcsCall call)
    {
        var name = call.Body.Str("clusterName") ?? "default";
        var cluster = call.Region.CreateCluster(name, call.Now);
        Tag.Merge(cluster.Tags, Tag.ParseList(call.Body.Arr("tags")));
        return new JsonObject { ["cluster"] = ToJson(cluster, includeTags: true) };
    }

    public static JsonObject Describe(EcsCall call)
    {
        var names = call.Body.Strings("clusters");
        var clusters = new JsonArray();
        var failures = new JsonArray();
        foreach (var reference in names.Count == 0 ? ["default"] : names)
        {
            if (call.Region.Clusters.TryGetValue(EcsArns.NameOf(reference), out var cluster))
            {
                clusters.Add(ToJson(cluster, call.Body.Strings("include").Contains("TAGS")));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = call.Region.Arns.Cluster(EcsArns.NameOf(reference)), ["reason"] = "MISSING" });
            }
        }
        return new JsonObject { ["clusters"] = clusters, ["failures"] = failures };
    }

    private static JsonObject ToJson(ClusterRecord cluster, bool includeTags)
    {
        var services = cluster.ActiveServices.ToList();
        var json = new JsonObject
        {
            ["clusterArn"] = cluster.Arn,
            ["clusterName"] = cluster.Name,
            ["status"] = "ACTIVE",
            ["registeredContainerInstancesCount"] = 0,
            ["runningTasksCount"] = services.Sum(s => s.LiveTasks.Count(t => t.State == Tasks.TaskState.Running)),
            ["pendingTasksCount"] = services.Sum(s => s.LiveTasks.Count(t => t.State == Tasks.TaskState.Pending)),
            ["activeServicesCount"] = services.Count,
            ["statistics"] = new JsonArray(),
            ["settings"] = new JsonArray(new JsonObject { ["name"] = "containerInsights", ["value"] = "disabled" }),
            ["capacityProviders"] = new JsonArray(),
            ["defaultCapacityProviderStrategy"] = new JsonArray(),
        };
        if (includeTags)
        {
            json["tags"] = Tag.ToJsonArray(cluster.Tags);
        }
        return json;
    }
}
