using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.TaskDefinitions;

/// <summary>
/// Turns a RegisterTaskDefinition request into the taskDefinition ECS returns: every member echoed, plus the
/// defaults ECS fills in. A reconciler diffing desired against live must normalize exactly these.
/// </summary>
internal static class TaskDefinitionNormalizer
{
    private static readonly string[] Excluded = ["tags"];

    public static JsonObject Normalize(JsonObject request, string arn, int revision, DateTimeOffset now, string registeredBy)
    {
        var body = new JsonObject { ["taskDefinitionArn"] = arn };
        foreach (var (name, value) in request.Where(m => !Excluded.Contains(m.Key)))
        {
            body[name] = value?.DeepClone();
        }
        var networkMode = request.Str("networkMode");
        foreach (var container in body.Arr("containerDefinitions")!.OfType<JsonObject>())
        {
            NormalizeContainer(container, networkMode);
        }
        body["revision"] = revision;
        body["volumes"] ??= new JsonArray();
        body["placementConstraints"] ??= new JsonArray();
        body["requiresAttributes"] = RequiredAttributes(networkMode);
        body["compatibilities"] = Compatibilities(request, networkMode);
        body["registeredAt"] = JsonArgs.Epoch(now);
        body["registeredBy"] = registeredBy;
        return body;
    }

    private static void NormalizeContainer(JsonObject container, string? networkMode)
    {
        container["cpu"] ??= 0;
        container["essential"] ??= true;
        container["environment"] ??= new JsonArray();
        container["mountPoints"] ??= new JsonArray();
        container["volumesFrom"] ??= new JsonArray();
        container["portMappings"] ??= new JsonArray();
        foreach (var mapping in container.Arr("portMappings")!.OfType<JsonObject>())
        {
            mapping["protocol"] ??= "tcp";
            if (networkMode is "awsvpc" or "host" && mapping["hostPort"] is null && mapping["containerPort"] is { } port)
            {
                mapping["hostPort"] = port.DeepClone();
            }
        }
        if (container.Obj("healthCheck") is { } check)
        {
            // ECS stores interval/timeout/retries defaults; startPeriod stays absent unless given.
            check["interval"] ??= 30;
            check["timeout"] ??= 5;
            check["retries"] ??= 3;
        }
    }

    private static JsonArray RequiredAttributes(string? networkMode)
    {
        var names = new List<string> { "com.amazonaws.ecs.capability.docker-remote-api.1.18" };
        if (networkMode == "awsvpc")
        {
            names.Add("ecs.capability.task-eni");
        }
        return names.Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToJsonArray();
    }

    private static JsonArray Compatibilities(JsonObject request, string? networkMode)
    {
        var list = new List<string> { "EC2" };
        if (networkMode == "awsvpc" && request.Str("cpu") is not null && request.Str("memory") is not null)
        {
            list.Add("FARGATE");
        }
        return list.ToJsonArray();
    }
}
