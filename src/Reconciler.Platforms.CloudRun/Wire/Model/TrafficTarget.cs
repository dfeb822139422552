namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>TrafficTarget</c>: <see cref="Type"/> is one of <see cref="RunEnums"/>' traffic types.</summary>
internal sealed class TrafficTarget
{
    public string? Type { get; set; }
    public string? Revision { get; set; }
    public int? Percent { get; set; }
    public string? Tag { get; set; }
}
