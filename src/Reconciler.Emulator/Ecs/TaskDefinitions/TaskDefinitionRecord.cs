using System.Text.Json.Nodes;
using Reconciler.Emulator.Ecs.Tags;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Ecs.TaskDefinitions;

/// <summary>One registered revision of a task definition family; <see cref="Body"/> is the normalized taskDefinition JSON.</summary>
internal sealed class TaskDefinitionRecord(string family, int revision, string arn, JsonObject body, List<Tag> tags)
{
    public string Family { get; } = family;

    public int Revision { get; } = revision;

    public string Arn { get; } = arn;

    public JsonObject Body { get; } = body;

    public List<Tag> Tags { get; } = tags;

    public string Status { get; private set; } = "ACTIVE";

    public DateTimeOffset? DeregisteredAt { get; private set; }

    public IEnumerable<JsonObject> Containers => Body.Arr("containerDefinitions")?.OfType<JsonObject>() ?? [];

    public void Deregister(DateTimeOffset now)
    {
        if (Status == "ACTIVE")
        {
            Status = "INACTIVE";
            DeregisteredAt = now;
        }
    }

    public JsonObject ToJson()
    {
        var json = (JsonObject)Body.DeepClone();
        json["status"] = Status;
        if (DeregisteredAt is { } at)
        {
            json["deregisteredAt"] = JsonArgs.Epoch(at);
        }
        return json;
    }
}
