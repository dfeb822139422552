using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Tests.Support;

/// <summary>The ECS calls scenario tests make, as readable steps.</summary>
internal static class EcsSteps
{
    public static object HealthCheck(int? startPeriod = null) => startPeriod is { } period
        ? new { command = new[] { "CMD-SHELL", "curl -f http://localhost/health || exit 1" }, startPeriod = period }
        : new { command = new[] { "CMD-SHELL", "curl -f http://localhost/health || exit 1" } };

    public static async Task<string> RegisterAsync(this WireClient aws, string family, string image, object? healthCheck = null)
    {
        var container = new JsonObject { ["name"] = "app", ["image"] = image, ["memory"] = 512 };
        if (healthCheck is not null)
        {
            container["healthCheck"] = System.Text.Json.JsonSerializer.SerializeToNode(healthCheck);
        }
        var response = await aws.EcsOkAsync("RegisterTaskDefinition", new JsonObject { ["family"] = family, ["containerDefinitions"] = new JsonArray(container) });
        return response["taskDefinition"]!["taskDefinitionArn"]!.GetValue<string>();
    }

    public static object Breaker(bool rollback) =>
        new { deploymentCircuitBreaker = new { enable = true, rollback }, maximumPercent = 200, minimumHealthyPercent = 100 };

    public static async Task<JsonObject> CreateServiceAsync(this WireClient aws, string name, string taskDefinition, int desiredCount, object? deploymentConfiguration = null)
    {
        var body = new JsonObject { ["serviceName"] = name, ["taskDefinition"] = taskDefinition, ["desiredCount"] = desiredCount };
        if (deploymentConfiguration is not null)
        {
            body["deploymentConfiguration"] = System.Text.Json.JsonSerializer.SerializeToNode(deploymentConfiguration);
        }
        return (JsonObject)(await aws.EcsOkAsync("CreateService", body))["service"]!;
    }

    public static async Task<JsonObject> UpdateTaskDefinitionAsync(this WireClient aws, string name, string taskDefinition) =>
        (JsonObject)(await aws.EcsOkAsync("UpdateService", new { service = name, taskDefinition }))["service"]!;

    public static async Task<JsonObject> ServiceAsync(this WireClient aws, string name) =>
        (JsonObject)(await aws.EcsOkAsync("DescribeServices", new { services = new[] { name } }))["services"]![0]!;

    public static async Task<List<JsonObject>> TasksAsync(this WireClient aws, string service, string desiredStatus)
    {
        var arns = (await aws.EcsOkAsync("ListTasks", new { serviceName = service, desiredStatus }))["taskArns"]!.AsArray()
            .Select(a => a!.GetValue<string>()).ToArray();
        if (arns.Length == 0)
        {
            return [];
        }
        var described = await aws.EcsOkAsync("DescribeTasks", new { tasks = arns.Take(100).ToArray() });
        return described["tasks"]!.AsArray().Select(t => (JsonObject)t!).ToList();
    }

    public static JsonObject Primary(this JsonObject service) =>
        (JsonObject)service["deployments"]!.AsArray().Single(d => d!["status"]!.GetValue<string>() == "PRIMARY")!;

    public static string Text(this JsonNode? node, string member) => node![member]!.GetValue<string>();

    public static int Number(this JsonNode? node, string member) => node![member]!.GetValue<int>();

    public static IReadOnlyList<string> EventMessages(this JsonObject service) =>
        service["events"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).ToList();
}
