using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.Tags;

/// <summary>TagResource, UntagResource and ListTagsForResource for clusters, services and task definitions.</summary>
internal static class TagOperations
{
    public static JsonObject TagResource(EcsCall call)
    {
        var tags = TagsOf(call, "ResourceNotFoundException");
        Tag.Merge(tags, Tag.ParseList(call.Body.Arr("tags")));
        return new JsonObject();
    }

    public static JsonObject UntagResource(EcsCall call)
    {
        var tags = TagsOf(call, "ResourceNotFoundException");
        var keys = call.Body.Strings("tagKeys");
        tags.RemoveAll(t => keys.Contains(t.Key));
        return new JsonObject();
    }

    public static JsonObject ListTags(EcsCall call) =>
        new() { ["tags"] = Tag.ToJsonArray(TagsOf(call, "InvalidParameterException")) };

    private static List<Tag> TagsOf(EcsCall call, string notFound)
    {
        var arn = call.Body.RequiredStr("resourceArn", "InvalidParameterException");
        var region = call.Region;
        var resource = arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : "";
        var slash = resource.IndexOf('/');
        var kind = slash > 0 ? resource[..slash] : "";
        var path = resource[(slash + 1)..].Split('/');
        var tags = kind switch
        {
            "task-definition" => region.FindTaskDefinition(arn)?.Tags,
            "cluster" => region.Clusters.GetValueOrDefault(path[0])?.Tags,
            "service" when path.Length == 2 && region.Clusters.TryGetValue(path[0], out var cluster) =>
                cluster.Services.GetValueOrDefault(path[1]) is { Status: "ACTIVE" } service ? service.Tags : null,
            _ => null,
        };
        return tags ?? throw new AwsException(notFound, "The specified resource is not found.");
    }
}
