namespace Reconciler.Engine.Status;

/// <summary>Argo CD's sync status: does the cloud match git?</summary>
public enum SyncStatus
{
    Unknown,
    Synced,
    OutOfSync,
}
