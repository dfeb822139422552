using Reconciler.Core.Model;

namespace Reconciler.Core.Planning;

/// <summary>Ordered actions for one resource. Empty = nothing to write (zero API write calls).</summary>
public sealed record Plan(ResourceKey Key, IReadOnlyList<PlannedAction> Actions)
{
    public bool IsEmpty => Actions.Count == 0;
    public static Plan Empty(ResourceKey key) => new(key, []);
    public int Count<T>() where T : PlannedAction => Actions.OfType<T>().Count();
}
