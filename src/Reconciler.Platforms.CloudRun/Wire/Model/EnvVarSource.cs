namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>EnvVarSource</c>.</summary>
internal sealed class EnvVarSource
{
    public SecretKeySelector? SecretKeyRef { get; set; }
}
