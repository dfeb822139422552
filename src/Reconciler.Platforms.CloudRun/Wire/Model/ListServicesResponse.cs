namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>ListServicesResponse</c>.</summary>
internal sealed class ListServicesResponse
{
    public List<RunService>? Services { get; set; }
    public string? NextPageToken { get; set; }
}
