using Reconciler.Core.Guardrails;
using Reconciler.Core.Sharding;

namespace Reconciler.Engine;

/// <summary>Engine settings, bound from configuration (section "Reconciler") and validated at start.</summary>
public sealed class EngineOptions
{
    /// <summary>How often every resource is reconciled even without a change (drift detection), jittered by 10 %.</summary>
    public TimeSpan Resync { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the source is polled for a new revision (a webhook triggers a fetch at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How soon a resource with a rollout in progress is looked at again.</summary>
    public TimeSpan RolloutPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconciles running at once (different keys; one key never runs twice at once).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Upper bound of one reconcile (observe + apply), so a hung call cannot hold a worker forever.</summary>
    public TimeSpan ReconcileTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where the daemon may write (<c>--allow-*</c>); a plan for a resource outside it is refused before any write.</summary>
    public WriteAllowList WriteAllowList { get; set; } = WriteAllowList.AllowAll;

    /// <summary>The resource keys this replica reconciles (<c>--shard N/M</c>); the others are never observed or written.</summary>
    public ShardAssignment Shard { get; set; } = ShardAssignment.Single;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Resync < TimeSpan.FromSeconds(1)) errors.Add("resync must be at least 1s");
        if (PollInterval < TimeSpan.FromMilliseconds(100)) errors.Add("poll interval must be at least 100ms");
        if (RolloutPollInterval <= TimeSpan.Zero) errors.Add("rollout poll interval must be positive");
        if (Workers is < 1 or > 64) errors.Add("workers must be between 1 and 64");
        if (ReconcileTimeout < TimeSpan.FromSeconds(1)) errors.Add("reconcile timeout must be at least 1s");
        return errors;
    }
}
