namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>RevisionScaling</c>.</summary>
internal sealed class RevisionScaling
{
    public int? MinInstanceCount { get; set; }
    public int? MaxInstanceCount { get; set; }
}
