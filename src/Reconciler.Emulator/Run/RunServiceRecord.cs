using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Run;

/// <summary>
/// One service: what was written (labels, annotations, ingress, template with defaults, traffic) and its revisions.
/// Everything that moves with time — latest ready revision, traffic served, conditions, observedGeneration — is
/// derived from the simulated time, so a read at any moment sees a consistent state.
/// </summary>
internal sealed class RunServiceRecord(string name, string uid, DateTimeOffset created)
{
    /// <summary>Seconds a write takes to be observed when it made no revision.</summary>
    public const int SettleSeconds = 2;

    public string Name { get; } = name;
    public string ShortName => Name[(Name.LastIndexOf('/') + 1)..];
    public string Uid { get; } = uid;
    public DateTimeOffset CreateTime { get; } = created;
    public DateTimeOffset UpdateTime { get; set; } = created;
    public DateTimeOffset LastWrite { get; set; } = created;
    public long Generation { get; set; }
    public long PreviousGeneration { get; set; }
    public JsonObject Labels { get; set; } = [];
    public JsonObject Annotations { get; set; } = [];
    public string Ingress { get; set; } = "INGRESS_TRAFFIC_ALL";
    public string? Description { get; set; }
    public JsonObject Template { get; set; } = [];
    public JsonArray Traffic { get; set; } = [];
    public JsonArray PreviousServed { get; set; } = [];
    public List<RunRevisionRecord> Revisions { get; } = [];
    public RunRevisionRecord? LatestCreated { get; set; }

    public RunRevisionRecord? Revision(string shortName) => Revisions.FirstOrDefault(r => r.ShortName == shortName);

    public RunRevisionRecord? LatestReady(DateTimeOffset now) => Revisions.LastOrDefault(r => r.StateAt(now) == RunRevisionState.Ready);

    public bool Settled(DateTimeOffset now) =>
        now >= LastWrite.AddSeconds(SettleSeconds) && LatestCreated?.StateAt(now) != RunRevisionState.Pending;

    public long ObservedGeneration(DateTimeOffset now) => Settled(now) ? Generation : PreviousGeneration;

    public string Etag => $"\"{Generation}-{Uid[..8]}\"";

    public string Uri(string? tag = null) => $"https://{(tag is null ? "" : tag + "---")}{ShortName}-{Uid[..10].Replace("-", "")}-{RegionCode()}.a.run.app";

    /// <summary>The declared traffic resolved to ready revisions; while a target is not ready, what was served before.</summary>
    public (JsonArray Statuses, bool Resolved) TrafficStatuses(DateTimeOffset now)
    {
        var latest = LatestReady(now);
        var statuses = new JsonArray();
        foreach (var target in Traffic.OfType<JsonObject>())
        {
            var type = target.Str("type");
            var revision = type == "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" ? latest : Revision(target.Str("revision") ?? "");
            if (revision is null || revision.StateAt(now) != RunRevisionState.Ready)
            {
                return ((JsonArray)PreviousServed.DeepClone(), false);
            }
            var status = new JsonObject { ["type"] = type, ["revision"] = revision.ShortName };
            if (target.Int("percent") is > 0 and var percent)
            {
                status["percent"] = percent;
            }
            if (target.Str("tag") is { } tag)
            {
                status["tag"] = tag;
                status["uri"] = Uri(tag);
            }
            statuses.Add(status);
        }
        return (statuses, true);
    }

    private string RegionCode()
    {
        var location = Name.Split('/')[3];
        return string.Concat(location.Split('-').Select(p => p[0])).ToLowerInvariant();
    }
}
