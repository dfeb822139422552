using Reconciler.Core.Model;
using Reconciler.Core.Sharding;

namespace Reconciler.Core.Tests.Sharding;

/// <summary>Which replica owns a key: a stable hash every process agrees on, and a split that covers every key exactly once.</summary>
public sealed class ShardAssignmentTests
{
    [TestCase("", 2166136261u, TestName = "FNV-1a of the empty string is the offset basis")]
    [TestCase("a", 0xe40c292cu, TestName = "FNV-1a of 'a' matches the published test vector")]
    [TestCase("foobar", 0xbf9cf968u, TestName = "FNV-1a of 'foobar' matches the published test vector")]
    public void The_hash_is_32_bit_fnv_1a(string text, uint expected) =>
        Assert.That(ShardAssignment.Fnv1a(text), Is.EqualTo(expected));

    [TestCase("EcsService", "web", 0xde3df688u, 2, TestName = "EcsService/web hashes to a pinned value and shard 2 of 3")]
    [TestCase("EcsService", "api", 0xa149227au, 0, TestName = "EcsService/api hashes to a pinned value and shard 0 of 3")]
    public void A_key_hashes_its_kind_and_name_to_a_pinned_shard(string kind, string name, uint hash, int shardOfThree)
    {
        // Pinned: a change of hash would move every resource to another replica on upgrade.
        Assert.That(ShardAssignment.Fnv1a($"{kind}/{name}"), Is.EqualTo(hash));
        Assert.That(ShardAssignment.ShardOf(new ResourceKey(kind, name), 3), Is.EqualTo(shardOfThree));
    }

    [Test]
    public void Every_key_is_owned_by_exactly_one_of_m_shards_and_the_split_is_not_lopsided()
    {
        var keys = Enumerable.Range(0, 300).Select(i => new ResourceKey(i % 2 == 0 ? "EcsService" : "CloudRunService", $"svc-{i}")).ToList();
        var shards = Enumerable.Range(0, 3).Select(i => new ShardAssignment(i, 3)).ToList();

        Assert.That(keys.All(k => shards.Count(s => s.Owns(k)) == 1), Is.True);
        Assert.That(shards.Select(s => keys.Count(s.Owns)), Has.All.InRange(70, 130));
    }

    [Test]
    public void One_shard_owns_everything() =>
        Assert.That(ShardAssignment.Single.Owns(new ResourceKey("EcsService", "anything")), Is.True);
}
