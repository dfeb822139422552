using Reconciler.Core.Model;

namespace Reconciler.Core.Diffing;

/// <summary>The difference between desired and observed for one resource. <see cref="Missing"/>: it does not exist yet.</summary>
public sealed record ResourceDiff(ResourceKey Key, bool Missing, IReadOnlyList<FieldChange> Changes)
{
    public bool InSync => !Missing && Changes.Count == 0;
    public bool Touches(ChangeScope scope) => Changes.Any(c => c.Scope == scope);
    public static ResourceDiff None(ResourceKey key) => new(key, false, []);
}
