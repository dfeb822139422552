namespace Reconciler.Core.Model;

/// <summary>Identity of one declared resource: the unit the engine reconciles (level-based, one key at a time).</summary>
public sealed record ResourceKey(string Kind, string Name)
{
    public override string ToString() => $"{Kind}/{Name}";
}
