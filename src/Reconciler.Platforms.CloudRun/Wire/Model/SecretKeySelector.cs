namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>SecretKeySelector</c>: a Secret Manager secret (name or <c>projects/P/secrets/S</c>) and version.</summary>
internal sealed class SecretKeySelector
{
    public string? Secret { get; set; }
    public string? Version { get; set; }
}
