namespace Reconciler.Core.Sources;

/// <summary>
/// Implemented by a source that can tell it has stopped receiving fresh desired state (e.g. a git source whose fetches
/// keep failing while the daemon keeps serving an old commit), so status and readiness can say so.
/// </summary>
public interface ISourceHealth
{
    /// <summary>Null while the source is fresh; otherwise one secret-free line saying since when and why it is stale.</summary>
    string? Staleness { get; }
}
