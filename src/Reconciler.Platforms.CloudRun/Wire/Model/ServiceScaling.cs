namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>ServiceScaling</c>: a service-level block the server adds by itself; never managed, never drift.</summary>
internal sealed class ServiceScaling
{
    public int? MinInstanceCount { get; set; }
}
