namespace Reconciler.Core.Model;

/// <summary><c>rollback.automatic</c>: roll back to the last known-good version when a rollout fails (default on).</summary>
public sealed record RollbackSpec(bool? Automatic = null)
{
    public bool AutomaticEnabled => Automatic ?? true;
}
