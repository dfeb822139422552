using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs;
using Reconciler.Emulator.Ecs.Services;
using Reconciler.Emulator.Ecs.Tasks;
using Reconciler.Emulator.Wire;
using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Admin;

/// <summary>
/// A compact view of everything the emulator holds, for people watching a demo. Parameter values are never
/// included: a SecureString must not leak through a debugging endpoint.
/// </summary>
internal static class StateSnapshot
{
    public static JsonObject Take(EmulatorWorld world, DateTimeOffset now)
    {
        var regions = new JsonObject();
        foreach (var name in world.Regions.Order())
        {
            var region = world.Region(name, now);
            regions[name] = new JsonObject
            {
                ["services"] = region.Ecs.Clusters.Values.SelectMany(c => c.Services.Values).Select(s => (JsonNode)Service(s)).ToJsonArray(),
                ["taskDefinitions"] = new JsonObject(region.Ecs.Families.Select(f =>
                    KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject { ["latest"] = f.Value.Count, ["active"] = f.Value.Count(r => r.Status == "ACTIVE") }))),
                ["parameters"] = region.Ssm.Parameters.Values.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name, ["type"] = p.Type, ["version"] = p.Version,
                }).ToJsonArray(),
            };
        }
        return new JsonObject { ["now"] = JsonArgs.Epoch(now), ["regions"] = regions, ["run"] = Run.RunStateSnapshot.Take(world.Run, now) };
    }

    private static JsonObject Service(ServiceRecord service) => new()
    {
        ["cluster"] = service.ClusterName,
        ["name"] = service.Name,
        ["status"] = service.Status,
        ["taskDefinition"] = EcsArns.NameOf(service.TaskDefinitionArn),
        ["desired"] = service.DesiredCount,
        ["running"] = service.LiveTasks.Count(t => t.State == TaskState.Running),
        ["pending"] = service.LiveTasks.Count(t => t.State == TaskState.Pending),
        ["deployments"] = service.Deployments.AsEnumerable().Reverse().Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.Id,
            ["status"] = d.Status,
            ["rolloutState"] = d.RolloutState,
            ["taskDefinition"] = EcsArns.NameOf(d.TaskDefinitionArn),
            ["failedTasks"] = d.FailedTasks,
        }).ToJsonArray(),
        ["lastEvent"] = service.Events.FirstOrDefault()?.Message,
    };
}
