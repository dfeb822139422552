namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>TrafficTargetStatus</c>: the traffic actually served.</summary>
internal sealed class TrafficTargetStatus
{
    public string? Type { get; set; }
    public string? Revision { get; set; }
    public int? Percent { get; set; }
    public string? Tag { get; set; }
    public string? Uri { get; set; }
}
