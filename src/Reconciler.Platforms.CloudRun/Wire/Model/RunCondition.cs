namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>Condition</c>; <c>state</c>, <c>reason</c>, <c>revisionReason</c> and <c>severity</c> are enum names.</summary>
internal sealed class RunCondition
{
    public string? Type { get; set; }
    public string? State { get; set; }
    public string? Message { get; set; }
    public string? LastTransitionTime { get; set; }
    public string? Severity { get; set; }
    public string? Reason { get; set; }
    public string? RevisionReason { get; set; }
    public string? ExecutionReason { get; set; }
}
