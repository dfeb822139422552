using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Tags;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.TaskDefinitions;

/// <summary>RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, DeregisterTaskDefinition.</summary>
internal static class TaskDefinitionOperations
{
    public static JsonObject Register(EcsCall call)
    {
        TaskDefinitionValidator.Validate(call.Body);
        var region = call.Region;
        var family = call.Body.Str("family")!;
        if (!region.Families.TryGetValue(family, out var revisions))
        {
            revisions = [];
            region.Families[family] = revisions;
        }
        var revision = revisions.Count + 1;
        var arn = region.Arns.TaskDefinition(family, revision);
        var body = TaskDefinitionNormalizer.Normalize(call.Body, arn, revision, call.Now, region.Arns.RoleRoot);
        var record = new TaskDefinitionRecord(family, revision, arn, body, Tag.ParseList(call.Body.Arr("tags")));
        revisions.Add(record);
        var result = new JsonObject { ["taskDefinition"] = record.ToJson() };
        if (record.Tags.Count > 0)
        {
            result["tags"] = Tag.ToJsonArray(record.Tags);
        }
        return result;
    }

    public static JsonObject Describe(EcsCall call)
    {
        var reference = call.Body.RequiredStr("taskDefinition", "ClientException");
        var record = call.Region.FindTaskDefinition(reference) ?? throw AwsException.Client("Unable to describe task definition.");
        var result = new JsonObject { ["taskDefinition"] = record.ToJson() };
        if (call.Body.Strings("include").Contains("TAGS"))
        {
            result["tags"] = Tag.ToJsonArray(record.Tags);
        }
        return result;
    }

    public static JsonObject List(EcsCall call)
    {
        var status = call.Body.Str("status") ?? "ACTIVE";
        var family = call.Body.Str("familyPrefix");
        var matching = call.Region.TaskDefinitions
            .Where(t => (status == "ALL" || t.Status == status) && (family is null || t.Family == family))
            .OrderBy(t => t.Family, StringComparer.Ordinal).ThenBy(t => t.Revision)
            .Select(t => t.Arn).ToList();
        if (call.Body.Str("sort") == "DESC")
        {
            matching.Reverse();
        }
        var size = Math.Clamp(call.Body.Int("maxResults") ?? 100, 1, 100);
        var (page, next) = PageToken.Page(matching, PageToken.Offset(call.Body.Str("nextToken"), "InvalidParameterException"), size);
        var result = new JsonObject { ["taskDefinitionArns"] = page.ToJsonArray() };
        if (next is not null)
        {
            result["nextToken"] = next;
        }
        return result;
    }

    public static JsonObject Deregister(EcsCall call)
    {
        var reference = call.Body.RequiredStr("taskDefinition", "ClientException");
        if (!reference.Contains(':'))
        {
            throw AwsException.Ecs("A revision must be specified: family:revision or the full task definition ARN.");
        }
        var record = call.Region.FindTaskDefinition(reference) ?? throw AwsException.Client("The specified task definition does not exist.");
        record.Deregister(call.Now);
        return new JsonObject { ["taskDefinition"] = record.ToJson() };
    }
}
