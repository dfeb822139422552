namespace Reconciler.Platforms.CloudRun.Wire.Model;

/// <summary>v2 <c>EnvVar</c>: a literal <see cref="Value"/> or a <see cref="ValueSource"/> (Secret Manager), never both.</summary>
internal sealed class EnvVar
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public EnvVarSource? ValueSource { get; set; }
}
