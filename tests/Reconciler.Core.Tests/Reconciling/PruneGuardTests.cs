using Reconciler.Core.Reconciling;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>The prune guardrail as a table: previous and declared counts, orphans that would be pruned, limits → verdict.</summary>
public sealed class PruneGuardTests
{
    private static readonly PruneLimits Limits = new(2, 0.5);

    [TestCase(6, 6, 0, TestName = "A snapshot that orphans nothing is allowed")]
    [TestCase(6, 5, 1, TestName = "One orphan of six is within both limits")]
    [TestCase(4, 2, 2, TestName = "Orphans exactly at the count and share limits are allowed")]
    [TestCase(0, 0, 0, TestName = "An empty first snapshot with nothing to orphan is allowed")]
    [TestCase(3, 0, 0, TestName = "An empty snapshot is allowed when none of the dropped resources has prune on")]
    public void Within_the_limits_prune_is_allowed(int previous, int declared, int orphans) =>
        Assert.That(PruneGuard.Judge(previous, declared, orphans, Limits), Is.InstanceOf<PruneVerdict.Allowed>());

    [TestCase(6, 1, 5, "prune refused: the new snapshot orphans 5 of 6 resources (limit 2 / 50%); fix the source or raise --prune-max-orphans and --prune-max-orphan-share",
        TestName = "Orphaning five of six breaks both limits and names both flags")]
    [TestCase(10, 7, 3, "prune refused: the new snapshot orphans 3 of 10 resources (limit 2 / 50%); fix the source or raise --prune-max-orphans",
        TestName = "Orphaning more than the count but less than the share names the count flag")]
    [TestCase(3, 1, 2, "prune refused: the new snapshot orphans 2 of 3 resources (limit 2 / 50%); fix the source or raise --prune-max-orphan-share",
        TestName = "Orphaning more than the share but within the count names the share flag")]
    [TestCase(1, 0, 1, "prune refused: the new snapshot declares no resources at all, which would prune 1 of 1; fix the source (an empty snapshot is never pruned; delete the last services by hand if that is what you want)",
        TestName = "An empty snapshot that would prune anything is refused")]
    public void Beyond_the_limits_prune_is_refused_with_the_fix(int previous, int declared, int orphans, string reason) =>
        Assert.That(PruneGuard.Judge(previous, declared, orphans, Limits), Is.EqualTo(new PruneVerdict.Refused(reason)));

    [Test]
    public void An_empty_snapshot_is_refused_even_when_the_limits_would_allow_every_orphan() =>
        Assert.That(PruneGuard.Judge(2, 0, 2, new PruneLimits(100, 1.0)), Is.InstanceOf<PruneVerdict.Refused>());

    [Test]
    public void A_share_of_one_leaves_only_the_count_limit() =>
        Assert.That(PruneGuard.Judge(4, 1, 3, new PruneLimits(3, 1.0)), Is.InstanceOf<PruneVerdict.Allowed>());

    [Test]
    public void A_count_limit_of_zero_refuses_every_prune() =>
        Assert.That(PruneGuard.Judge(100, 99, 1, new PruneLimits(0, 1.0)), Is.InstanceOf<PruneVerdict.Refused>());
}
