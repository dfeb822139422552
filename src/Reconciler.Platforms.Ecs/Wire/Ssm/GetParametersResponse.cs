namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>What one GetParameters call answered.</summary>
public sealed record GetParametersResponse
{
    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    /// <summary>Names that do not exist (not an error in SSM's eyes).</summary>
    public IReadOnlyList<string> InvalidParameters { get; init; } = [];
}
