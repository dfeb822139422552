using Reconciler.Core.Model;

namespace Reconciler.Core.Seams;

/// <summary>
/// Optional for an <see cref="IPlatform"/>: told the manifests of a pass (a resync, a new snapshot) before their keys
/// are enqueued, so it can observe them in API-sized batches up front. What it fetches may serve each key's next
/// <see cref="IPlatform.ObserveAsync"/> of that pass once; it must never outlive the pass nor a write to the resource.
/// A failure here is not an error of any resource: the per-key observation will simply make its own calls.
/// </summary>
public interface IPassObserver
{
    Task BeginPassAsync(IReadOnlyList<ResourceManifest> manifests, CancellationToken cancellationToken);
}
