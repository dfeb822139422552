namespace Reconciler.Manifests.Yaml;

/// <summary>Bounds that keep hostile or broken input from exhausting the stack or memory.</summary>
internal sealed record YamlLimits(int MaxDepth, long MaxNodes);
