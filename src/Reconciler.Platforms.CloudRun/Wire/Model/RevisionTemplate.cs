using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>RevisionTemplate</c>: what a new revision is made from. <c>timeout</c> is a duration string ("300s").</summary>
internal sealed class RevisionTemplate
{
    public string? Revision { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public RevisionScaling? Scaling { get; set; }
    public string? Timeout { get; set; }
    public string? ServiceAccount { get; set; }
    public List<RunContainer>? Containers { get; set; }
    public int? MaxInstanceRequestConcurrency { get; set; }
    public string? ExecutionEnvironment { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
