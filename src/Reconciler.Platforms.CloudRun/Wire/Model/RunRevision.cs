using System.Text.Json.Serialization;

namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>Revision</c>: an immutable snapshot of a template, with its own conditions.</summary>
internal sealed class RunRevision
{
    public string? Name { get; set; }
    public string? Uid { get; set; }
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? Generation { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public string? CreateTime { get; set; }
    public string? UpdateTime { get; set; }
    public string? Service { get; set; }
    public RevisionScaling? Scaling { get; set; }
    public string? Timeout { get; set; }
    public string? ServiceAccount { get; set; }
    public List<RunContainer>? Containers { get; set; }
    public int? MaxInstanceRequestConcurrency { get; set; }
    public bool? Reconciling { get; set; }
    public List<RunCondition>? Conditions { get; set; }
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? ObservedGeneration { get; set; }
    public string? Etag { get; set; }
}
