namespace Reconciler.Core.Model;

/// <summary>Per-resource sync policy (Argo CD's automated.selfHeal / prune, Flux's suspend).</summary>
public sealed record SyncPolicy(bool? SelfHeal = null, bool? Suspend = null, bool? Prune = null)
{
    public static readonly SyncPolicy Default = new();
    public bool SelfHealEnabled => SelfHeal ?? true;
    public bool Suspended => Suspend ?? false;
    public bool PruneEnabled => Prune ?? false;
}
