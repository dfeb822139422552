namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>google.longrunning.WaitOperationRequest: <c>timeout</c> as a duration string ("10s").</summary>
internal sealed class WaitOperationRequest
{
    public string? Timeout { get; set; }
}
