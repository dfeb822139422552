namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>ContainerPort</c> (name is <c>http1</c> or <c>h2c</c>).</summary>
internal sealed class ContainerPort
{
    public string? Name { get; set; }
    [System.Text.Json.Serialization.JsonPropertyName("containerPort")]
    public int? Port { get; set; }
}
