using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>ListServiceDeployments and DescribeServiceDeployments over each service's deployment history.</summary>
internal static class ServiceDeploymentQueries
{
    public static JsonObject List(EcsCall call)
    {
        var (region, body, _) = call;
        var service = region.Service(region.Cluster(body.Str("cluster")), body.RequiredStr("service", "InvalidParameterException"));
        var statuses = body.Strings("status");
        var after = Epoch(body.Obj("createdAt"), "after");
        var before = Epoch(body.Obj("createdAt"), "before");
        var matching = service.History.AsEnumerable().Reverse()
            .Where(d => statuses.Count == 0 || statuses.Contains(ServiceDeploymentStatus.Of(d).Status))
            .Where(d => (after is null || d.CreatedAt >= after) && (before is null || d.CreatedAt <= before))
            .Select(d => (JsonNode)ServiceDeploymentJson.Brief(service, d, region.Arns)).ToList();
        var size = Math.Clamp(body.Int("maxResults") ?? 20, 1, 100);
        var (page, next) = PageToken.Page(matching, PageToken.Offset(body.Str("nextToken"), "InvalidParameterException"), size);
        var result = new JsonObject { ["serviceDeployments"] = page.ToJsonArray() };
        if (next is not null)
        {
            result["nextToken"] = next;
        }
        return result;
    }

    public static JsonObject Describe(EcsCall call)
    {
        var region = call.Region;
        var found = new JsonArray();
        var failures = new JsonArray();
        foreach (var arn in call.Body.Strings("serviceDeploymentArns"))
        {
            if (Find(region, arn) is { } match)
            {
                found.Add(ServiceDeploymentJson.Full(match.Service, match.Deployment, region.Arns));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
            }
        }
        return new JsonObject { ["serviceDeployments"] = found, ["failures"] = failures };
    }

    /// <summary>Resolves arn:aws:ecs:region:account:service-deployment/cluster/service/id.</summary>
    private static (ServiceRecord Service, DeploymentRecord Deployment)? Find(EcsRegion region, string arn)
    {
        var path = arn.Split(':', 6) is { Length: 6 } parts ? parts[5].Split('/') : [];
        if (path.Length != 4 || path[0] != "service-deployment"
            || !region.Clusters.TryGetValue(path[1], out var cluster) || !cluster.Services.TryGetValue(path[2], out var service))
        {
            return null;
        }
        var deployment = service.History.FirstOrDefault(d => d.Id == "ecs-svc/" + path[3]);
        return deployment is null ? null : (service, deployment);
    }

    private static DateTimeOffset? Epoch(JsonObject? range, string member) =>
        range?[member] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(v.GetValue<double>() * 1000))
            : null;
}
