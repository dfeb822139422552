namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>GRPCAction</c>.</summary>
internal sealed class GrpcAction
{
    public int? Port { get; set; }
    public string? Service { get; set; }
}
