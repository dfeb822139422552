using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Tags;
using Reconciler.Emulator.Ecs.TaskDefinitions;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>CreateService (clientToken-idempotent), UpdateService and DeleteService.</summary>
internal static class ServiceOperations
{
    public static JsonObject Create(EcsCall call)
    {
        var (region, body, now) = call;
        var cluster = region.Cluster(body.Str("cluster"));
        var name = body.RequiredStr("serviceName", "InvalidParameterException");
        var fingerprint = Fingerprint(body);
        if (cluster.Services.TryGetValue(name, out var existing) && existing.Status != "INACTIVE")
        {
            // ECS: the same clientToken with the same parameters returns the existing service.
            return existing.ClientToken is not null && existing.ClientToken == body.Str("clientToken") && existing.RequestFingerprint == fingerprint
                ? Result(existing, region)
                : throw AwsException.Ecs("Creation of service was not idempotent.");
        }
        var definition = ActiveTaskDefinition(region, body.RequiredStr("taskDefinition", "InvalidParameterException"));
        var service = new ServiceRecord(name, region.Arns.Service(cluster.Name, name), cluster.Name, now)
        {
            DesiredCount = DesiredCount(body) ?? 0,
            LaunchType = body.Str("launchType") ?? "EC2",
            DeploymentConfiguration = ServiceSettings.MergeDeploymentConfiguration(null, body.Obj("deploymentConfiguration")),
            NetworkConfiguration = ServiceSettings.NormalizeNetwork(body.Obj("networkConfiguration")),
            ClientToken = body.Str("clientToken"),
            RequestFingerprint = fingerprint,
        };
        service.Echo = ServiceSettings.MergeEchoed(service.Echo, body).Echo;
        CheckCompatible(service.LaunchType, service.NetworkConfiguration, service.Echo, definition);
        ServiceSettings.ApplyDefaults(service);
        Tag.Merge(service.Tags, Tag.ParseList(body.Arr("tags")));
        region.Scheduler.Starter.Start(service, definition.Arn, now);
        cluster.Services[name] = service;
        region.Scheduler.Reconcile(service, now);
        return Result(service, region);
    }

    public static JsonObject Update(EcsCall call)
    {
        var (region, body, now) = call;
        var service = region.Service(region.Cluster(body.Str("cluster")), body.RequiredStr("service", "InvalidParameterException"));
        if (service.Status != "ACTIVE")
        {
            throw new AwsException("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        // Work out the whole change and validate it before touching the service: UpdateService is all or nothing.
        var definition = body.Str("taskDefinition") is { } reference ? ActiveTaskDefinition(region, reference) : region.TaskDefinitionByArn(service.TaskDefinitionArn);
        var desired = DesiredCount(body) ?? service.DesiredCount;
        var configuration = ServiceSettings.MergeDeploymentConfiguration(service.DeploymentConfiguration, body.Obj("deploymentConfiguration"));
        var network = body.Obj("networkConfiguration") is { } given ? ServiceSettings.NormalizeNetwork(given) : service.NetworkConfiguration;
        var (echo, echoRedeploy) = ServiceSettings.MergeEchoed(service.Echo, body);
        CheckCompatible(service.LaunchType, network, echo, definition);
        var redeploy = definition.Arn != service.TaskDefinitionArn || body.Bool("forceNewDeployment") == true
            || !JsonNode.DeepEquals(network, service.NetworkConfiguration) || echoRedeploy;
        (service.DesiredCount, service.DeploymentConfiguration, service.NetworkConfiguration, service.Echo) = (desired, configuration, network, echo);
        if (redeploy)
        {
            region.Scheduler.Starter.Start(service, definition.Arn, now);
        }
        region.Scheduler.Reconcile(service, now);
        return Result(service, region);
    }

    public static JsonObject Delete(EcsCall call)
    {
        var (region, body, now) = call;
        var service = region.Service(region.Cluster(body.Str("cluster")), body.RequiredStr("service", "InvalidParameterException"));
        if (service.Status != "ACTIVE")
        {
            throw new AwsException("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        if (service.DesiredCount > 0 && body.Bool("force") != true)
        {
            throw AwsException.Ecs("The service cannot be stopped while it is scaled above 0.");
        }
        service.DesiredCount = 0;
        region.Scheduler.StopTasks(service, service.LiveTasks.ToList(), now, "Service deleted");
        service.Status = "DRAINING";
        var result = Result(service, region);
        // Every task is already stopped, so draining ends at once.
        service.Status = "INACTIVE";
        return result;
    }

    private static JsonObject Result(ServiceRecord service, EcsRegion region) =>
        new() { ["service"] = ServiceJson.ToJson(service, region.Arns, includeTags: false) };

    private static TaskDefinitionRecord ActiveTaskDefinition(EcsRegion region, string reference)
    {
        var definition = region.FindTaskDefinition(reference) ?? throw AwsException.Client("TaskDefinition not found.");
        return definition.Status == "ACTIVE" ? definition : throw AwsException.Client("TaskDefinition is inactive");
    }

    private static int? DesiredCount(JsonObject body) =>
        body.Int("desiredCount") is { } count && count < 0 ? throw AwsException.Ecs("desiredCount must be 0 or more.") : body.Int("desiredCount");

    private static void CheckCompatible(string launchType, JsonObject? network, JsonObject echo, TaskDefinitionRecord definition)
    {
        var awsvpc = definition.Body.Str("networkMode") == "awsvpc";
        var vpc = network?.Obj("awsvpcConfiguration");
        if (awsvpc && vpc is null)
        {
            throw AwsException.Ecs("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (vpc is not null && vpc.Strings("subnets").Count == 0)
        {
            throw AwsException.Ecs("subnets can not be empty.");
        }
        ServiceLoadBalancerCheck.Check(echo, definition);
        if (launchType == "FARGATE" && !definition.Body.Strings("compatibilities").Contains("FARGATE"))
        {
            throw AwsException.Ecs("Task definition does not support launch_type FARGATE.");
        }
    }

    private static string Fingerprint(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("clientToken");
        return copy.ToJsonString();
    }
}
