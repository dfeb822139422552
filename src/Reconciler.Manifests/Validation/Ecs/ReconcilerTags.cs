using System.Reflection;
using Reconciler.Core.Ecs;

namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>The tag keys Reconciler keeps its own state in (<see cref="TagKeys"/>): a manifest may not write them.</summary>
public static class ReconcilerTags
{
    public const string Namespace = "reconciler.io/";

    /// <summary>Every key constant of <see cref="TagKeys"/> (the values under <see cref="Namespace"/>).</summary>
    public static IReadOnlyList<string> Keys { get; } = typeof(TagKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Where(v => v.StartsWith(Namespace, StringComparison.Ordinal))
        .ToList();

    /// <summary>How many tags a manifest may add: ECS allows 50 per resource, and Reconciler writes its own.</summary>
    public static int MaxManifestTags => EcsLimits.MaxTags - Keys.Count;
}
