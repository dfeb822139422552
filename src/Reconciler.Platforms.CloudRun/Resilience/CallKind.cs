namespace Reconciler.Platforms.CloudRun.Resilience;

/// <summary>Which quota a call counts against: the Admin API meters reads and writes separately.</summary>
internal enum CallKind
{
    Read,
    Write,
}
