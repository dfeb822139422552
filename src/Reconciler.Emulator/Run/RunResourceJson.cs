using System.Globalization;
using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Run;

/// <summary>Services, revisions and operations as v2 JSON: full resource names, int64 as strings, enums by name.</summary>
internal static class RunResourceJson
{
    public const string ServiceType = "type.googleapis.com/google.cloud.run.v2.Service";

    public static JsonObject Service(RunServiceRecord s, DateTimeOffset now)
    {
        var (terminal, conditions) = RunConditions.Of(s, now);
        var (statuses, _) = s.TrafficStatuses(now);
        var json = new JsonObject
        {
            ["name"] = s.Name,
            ["uid"] = s.Uid,
            ["generation"] = Int64(s.Generation),
            ["labels"] = s.Labels.DeepClone(),
            ["annotations"] = s.Annotations.DeepClone(),
            ["createTime"] = Time(s.CreateTime),
            ["updateTime"] = Time(s.UpdateTime),
            ["creator"] = "emulator@reconciler.local",
            ["lastModifier"] = "emulator@reconciler.local",
            ["ingress"] = s.Ingress,
            ["launchStage"] = "GA",
            ["scaling"] = new JsonObject(),
            ["template"] = s.Template.DeepClone(),
            ["traffic"] = s.Traffic.DeepClone(),
            ["observedGeneration"] = Int64(s.ObservedGeneration(now)),
            ["terminalCondition"] = terminal,
            ["conditions"] = conditions,
            ["trafficStatuses"] = statuses,
            ["uri"] = s.Uri(),
            ["reconciling"] = !s.Settled(now),
            ["etag"] = s.Etag,
        };
        if (s.Description is { } description)
        {
            json["description"] = description;
        }
        if (s.LatestCreated is { } created)
        {
            json["latestCreatedRevision"] = created.Name;
        }
        if (s.LatestReady(now) is { } ready)
        {
            json["latestReadyRevision"] = ready.Name;
        }
        return json;
    }

    public static JsonObject Revision(RunServiceRecord s, RunRevisionRecord r, DateTimeOffset now)
    {
        var json = new JsonObject
        {
            ["name"] = r.Name,
            ["uid"] = r.Uid,
            ["generation"] = "1",
            ["createTime"] = Time(r.CreateTime),
            ["updateTime"] = Time(r.CreateTime),
            ["launchStage"] = "GA",
            ["service"] = s.Name,
            ["conditions"] = RunConditions.OfRevision(r, now),
            ["observedGeneration"] = "1",
            ["reconciling"] = r.StateAt(now) == RunRevisionState.Pending,
            ["etag"] = $"\"{r.Uid[..8]}\"",
            ["logUri"] = $"https://console.cloud.google.com/logs/viewer?resource=cloud_run_revision/revision_name/{r.ShortName}",
        };
        foreach (var key in new[] { "scaling", "timeout", "serviceAccount", "containers", "maxInstanceRequestConcurrency", "labels", "annotations" })
        {
            if (r.Template[key] is { } value)
            {
                json[key] = value.DeepClone();
            }
        }
        return json;
    }

    public static JsonObject Operation(RunOperationRecord op, RunServiceRecord? s, DateTimeOffset now)
    {
        var json = new JsonObject { ["name"] = op.Name };
        var service = s is null ? new JsonObject { ["name"] = op.ServiceName } : Service(s, now);
        service["@type"] = ServiceType;
        json["metadata"] = service.DeepClone();
        var done = op.Revision is { } revision
            ? revision.StateAt(now) != RunRevisionState.Pending
            : now >= op.Started.AddSeconds(RunServiceRecord.SettleSeconds);
        json["done"] = done;
        if (!done)
        {
            return json;
        }
        if (op.Revision?.StateAt(now) == RunRevisionState.Failed)
        {
            json["error"] = new JsonObject { ["code"] = 9, ["message"] = RunConditions.FailureMessage(op.Revision), ["details"] = new JsonArray() };
        }
        else
        {
            json["response"] = service;
        }
        return json;
    }

    public static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
