using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>
/// v2 <c>Service</c> (GoogleCloudRunV2Service). Output-only members are read, never sent (see <see cref="ForWrite"/>);
/// members this client does not model are kept in <see cref="Extra"/> so a read-modify-write keeps them.
/// </summary>
internal sealed class RunService
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Uid { get; set; }
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? Generation { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public string? CreateTime { get; set; }
    public string? UpdateTime { get; set; }
    public string? Creator { get; set; }
    public string? LastModifier { get; set; }
    public string? Ingress { get; set; }
    public string? LaunchStage { get; set; }
    public ServiceScaling? Scaling { get; set; }
    public RevisionTemplate? Template { get; set; }
    public List<TrafficTarget>? Traffic { get; set; }
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? ObservedGeneration { get; set; }
    public RunCondition? TerminalCondition { get; set; }
    public List<RunCondition>? Conditions { get; set; }
    public string? LatestReadyRevision { get; set; }
    public string? LatestCreatedRevision { get; set; }
    public List<TrafficTargetStatus>? TrafficStatuses { get; set; }
    public string? Uri { get; set; }
    public bool? Reconciling { get; set; }
    public string? Etag { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    private static readonly string[] OutputOnly =
    [
        "uid", "createTime", "updateTime", "deleteTime", "expireTime", "creator", "lastModifier", "observedGeneration",
        "terminalCondition", "conditions", "latestReadyRevision", "latestCreatedRevision", "trafficStatuses", "uri",
        "reconciling", "etag", "generation", "satisfiesPzs", "urls",
    ];

    /// <summary>A copy fit for a patch body: output-only members cleared (the API rejects or ignores them).</summary>
    public RunService ForWrite()
    {
        var copy = (RunService)MemberwiseClone();
        copy.Uid = copy.CreateTime = copy.UpdateTime = copy.Creator = copy.LastModifier = copy.Etag = null;
        copy.Uri = copy.LatestReadyRevision = copy.LatestCreatedRevision = null;
        copy.Generation = copy.ObservedGeneration = null;
        copy.TerminalCondition = null;
        copy.Conditions = null;
        copy.TrafficStatuses = null;
        copy.Reconciling = null;
        copy.Extra = Extra?.Where(kv => !OutputOnly.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        return copy;
    }
}
