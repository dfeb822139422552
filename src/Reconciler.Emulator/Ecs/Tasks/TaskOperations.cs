using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Services;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Tasks;

/// <summary>ListTasks and DescribeTasks over the tasks the service simulation created.</summary>
internal static class TaskOperations
{
    public static JsonObject List(EcsCall call)
    {
        var (region, body, _) = call;
        var cluster = region.Cluster(body.Str("cluster"));
        var services = body.Str("serviceName") is { } name ? [region.Service(cluster, name)] : cluster.Services.Values.ToList();
        var wantStopped = body.Str("desiredStatus") == "STOPPED";
        var family = body.Str("family");
        var startedBy = body.Str("startedBy");
        var arns = services.SelectMany(s => s.Tasks)
            .Where(t => (t.State == TaskState.Stopped) == wantStopped)
            .Where(t => (family is null || t.TaskDefinition.Family == family) && (startedBy is null || t.DeploymentId == startedBy))
            .OrderBy(t => t.CreatedAt).Select(t => t.Arn).ToList();
        var size = Math.Clamp(body.Int("maxResults") ?? 100, 1, 100);
        var (page, next) = PageToken.Page(arns, PageToken.Offset(body.Str("nextToken"), "InvalidParameterException"), size);
        var result = new JsonObject { ["taskArns"] = page.ToJsonArray() };
        if (next is not null)
        {
            result["nextToken"] = next;
        }
        return result;
    }

    public static JsonObject Describe(EcsCall call)
    {
        var (region, body, _) = call;
        var cluster = region.Cluster(body.Str("cluster"));
        var references = body.Strings("tasks");
        if (references.Count == 0 || references.Count > 100)
        {
            throw AwsException.Ecs("Tasks must contain between 1 and 100 task ids or ARNs.");
        }
        var index = cluster.Services.Values.SelectMany(s => s.Tasks.Select(t => (Service: s, Task: t))).ToDictionary(p => p.Task.Id);
        var tasks = new JsonArray();
        var failures = new JsonArray();
        foreach (var reference in references)
        {
            var id = EcsArns.NameOf(reference);
            if (index.TryGetValue(id, out var found))
            {
                tasks.Add(TaskJson.ToJson(found.Task, found.Service.Name, found.Service.LaunchType, region.Arns, cluster.Name));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = region.Arns.Task(cluster.Name, id), ["reason"] = "MISSING" });
            }
        }
        return new JsonObject { ["tasks"] = tasks, ["failures"] = failures };
    }
}
