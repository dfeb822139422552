using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>Container</c>.</summary>
internal sealed class RunContainer
{
    public string? Name { get; set; }
    public string? Image { get; set; }
    public List<string>? Command { get; set; }
    public List<string>? Args { get; set; }
    public List<EnvVar>? Env { get; set; }
    public ResourceRequirements? Resources { get; set; }
    public List<ContainerPort>? Ports { get; set; }
    public Probe? LivenessProbe { get; set; }
    public Probe? StartupProbe { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
