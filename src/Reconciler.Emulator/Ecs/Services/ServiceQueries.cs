using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Services;

/// <summary>DescribeServices and ListServices.</summary>
internal static class ServiceQueries
{
    public const int MaxDescribe = 10;

    public static JsonObject Describe(EcsCall call)
    {
        var (region, body, _) = call;
        var cluster = region.Cluster(body.Str("cluster"));
        var names = body.Strings("services");
        if (names.Count == 0)
        {
            throw AwsException.Ecs("Services cannot be empty.");
        }
        if (names.Count > MaxDescribe)
        {
            throw AwsException.Ecs($"Too many services were specified: {names.Count}. At most {MaxDescribe} can be described in one call.");
        }
        var includeTags = body.Strings("include").Contains("TAGS");
        var services = new JsonArray();
        var failures = new JsonArray();
        foreach (var reference in names)
        {
            if (cluster.Services.TryGetValue(EcsArns.NameOf(reference), out var service))
            {
                services.Add(ServiceJson.ToJson(service, region.Arns, includeTags));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = region.Arns.Service(cluster.Name, EcsArns.NameOf(reference)), ["reason"] = "MISSING" });
            }
        }
        return new JsonObject { ["services"] = services, ["failures"] = failures };
    }

    public static JsonObject List(EcsCall call)
    {
        var (region, body, _) = call;
        var cluster = region.Cluster(body.Str("cluster"));
        var launchType = body.Str("launchType");
        var arns = cluster.ActiveServices
            .Where(s => launchType is null || s.LaunchType == launchType)
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Arn).ToList();
        var size = Math.Clamp(body.Int("maxResults") ?? 10, 1, 100);
        var (page, next) = PageToken.Page(arns, PageToken.Offset(body.Str("nextToken"), "InvalidParameterException"), size);
        var result = new JsonObject { ["serviceArns"] = page.ToJsonArray() };
        if (next is not null)
        {
            result["nextToken"] = next;
        }
        return result;
    }
}
