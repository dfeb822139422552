using System.Collections.Concurrent;
using Reconciler.Core.Model;
using Reconciler.Core.Outcomes;
using Reconciler.Engine.Queue;

namespace Reconciler.Engine.Controller;

/// <summary>
/// The one place a reconcile's outcome becomes a requeue (controller-runtime's reconcileHandler): the pure
/// <see cref="RequeuePolicy"/> decides, this applies it to the queue and keeps each key's consecutive-failure count.
/// </summary>
internal sealed class RequeueScheduler(IWorkQueue<ResourceKey> queue, RequeuePolicy? policy = null)
{
    private readonly ConcurrentDictionary<ResourceKey, int> _failures = new();
    private readonly RequeuePolicy _policy = policy ?? RequeuePolicy.Default;

    public int Failures(ResourceKey key) => _failures.GetValueOrDefault(key);

    public RequeueDecision Apply(ResourceKey key, ReconcileOutcome outcome)
    {
        var decision = _policy.Decide(outcome, Failures(key));
        switch (decision)
        {
            case RequeueDecision.Forget:
                _failures.TryRemove(key, out _);
                break;
            case RequeueDecision.After after:
                _failures.TryRemove(key, out _);
                queue.AddAfter(key, after.Delay);
                break;
            case RequeueDecision.Backoff backoff:
                _failures[key] = backoff.Failures;
                queue.AddAfter(key, backoff.Delay);
                break;
        }
        return decision;
    }
}
