namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>ListRevisionsResponse</c>.</summary>
internal sealed class ListRevisionsResponse
{
    public List<RunRevision>? Revisions { get; set; }
    public string? NextPageToken { get; set; }
}
