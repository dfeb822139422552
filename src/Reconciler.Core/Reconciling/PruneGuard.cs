using System.Globalization;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// How much one snapshot may prune (<c>--prune-max-orphans</c>, <c>--prune-max-orphan-share</c>). A share of 1 means
/// no share limit; the count always applies.
/// </summary>
public sealed record PruneLimits(int MaxOrphans, double MaxOrphanShare)
{
    public static readonly PruneLimits Default = new(5, 0.5);
}

/// <summary>What the guard says about the orphans of one snapshot.</summary>
public abstract record PruneVerdict
{
    private PruneVerdict() { }

    /// <summary>The orphans may be pruned (each still by its own decider: managed-by tag, scale to 0).</summary>
    public sealed record Allowed : PruneVerdict;

    /// <summary>No orphan is touched; each is reported Stalled with <paramref name="Reason"/> until a snapshot within the limits.</summary>
    public sealed record Refused(string Reason) : PruneVerdict;
}

/// <summary>
/// The guardrail against a source gone wrong (wrong branch or path, a bad merge): prune refuses to act when the new
/// snapshot declares nothing at all, or when it would orphan more than a count or a share of what the last accepted
/// snapshot declared. Pure: counts and limits in, verdict out.
/// </summary>
public static class PruneGuard
{
    /// <param name="previous">Resources the last accepted snapshot declared.</param>
    /// <param name="declared">Resources the new snapshot declares.</param>
    /// <param name="orphans">Resources the new snapshot drops that would be pruned (their last manifest had prune on).</param>
    public static PruneVerdict Judge(int previous, int declared, int orphans, PruneLimits limits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(previous);
        ArgumentOutOfRangeException.ThrowIfNegative(declared);
        ArgumentOutOfRangeException.ThrowIfNegative(orphans);
        if (orphans == 0)
        {
            return new PruneVerdict.Allowed();
        }
        if (declared == 0)
        {
            return new PruneVerdict.Refused(
                $"prune refused: the new snapshot declares no resources at all, which would prune {orphans} of {previous}; " +
                "fix the source (an empty snapshot is never pruned; delete the last services by hand if that is what you want)");
        }
        var share = previous == 0 ? 1.0 : (double)orphans / previous;
        var overCount = orphans > limits.MaxOrphans;
        var overShare = share > limits.MaxOrphanShare;
        if (!overCount && !overShare)
        {
            return new PruneVerdict.Allowed();
        }
        var flags = (overCount, overShare) switch
        {
            (true, true) => "--prune-max-orphans and --prune-max-orphan-share",
            (true, false) => "--prune-max-orphans",
            _ => "--prune-max-orphan-share",
        };
        var percent = (limits.MaxOrphanShare * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return new PruneVerdict.Refused(
            $"prune refused: the new snapshot orphans {orphans} of {previous} resources (limit {limits.MaxOrphans} / {percent}%); " +
            $"fix the source or raise {flags}");
    }
}
