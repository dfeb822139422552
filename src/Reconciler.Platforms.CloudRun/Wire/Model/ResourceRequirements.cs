namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>ResourceRequirements</c>: <c>limits</c> keys are <c>cpu</c> and <c>memory</c>.</summary>
internal sealed class ResourceRequirements
{
    public Dictionary<string, string>? Limits { get; set; }
    public bool? CpuIdle { get; set; }
    public bool? StartupCpuBoost { get; set; }
}
