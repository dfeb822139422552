using Reconciler.Core.Sharding;

namespace Reconciler.Core.Tests.Sharding;

/// <summary>This replica's shard from --shard, or the StatefulSet ordinal and --shards; every mistake is one message with the fix.</summary>
public sealed class ShardSettingsTests
{
    [TestCase("1/3", null, null, 1, 3, TestName = "An explicit shard wins")]
    [TestCase("1/3", "5", "reconciler-4", 1, 3, TestName = "An explicit shard wins over the ordinal and the replica count")]
    [TestCase(null, "3", "reconciler-2", 2, 3, TestName = "The ordinal at the end of the pod name is the shard")]
    [TestCase(null, "2", "my-release-reconciler-0", 0, 2, TestName = "A release-prefixed pod name still gives its ordinal")]
    [TestCase(null, null, "reconciler-2", 0, 1, TestName = "Without a replica count one replica owns everything")]
    [TestCase(null, null, null, 0, 1, TestName = "Without anything one replica owns everything")]
    [TestCase(null, "1", "laptop", 0, 1, TestName = "One replica needs no ordinal")]
    public void The_shard_is_resolved(string? shard, string? shards, string? pod, int index, int count) =>
        Assert.That(ShardSettings.Resolve(shard, shards, pod), Is.EqualTo(((ShardAssignment?)new ShardAssignment(index, count), (string?)null)));

    [TestCase("2/2", null, null, "--shard 2/2 gives shard 2, but there are only 2 shards (0 to 1)", TestName = "A shard number past the count is refused")]
    [TestCase("0", null, null, "--shard must be N/M", TestName = "A shard without its count is refused")]
    [TestCase("a/2", null, null, "--shard must be N/M with N a whole number from 0", TestName = "A shard that is not a number is refused")]
    [TestCase("0/0", null, null, "--shard must be N/M", TestName = "Zero shards are refused")]
    [TestCase(null, "3", "laptop", "--shards 3 needs this replica's ordinal", TestName = "A replica count without an ordinal in the pod name is refused")]
    [TestCase(null, "2", "reconciler-2", "the pod name 'reconciler-2' gives shard 2, but there are only 2 shards (0 to 1); raise --shards", TestName = "An ordinal past the replica count is refused")]
    [TestCase(null, "many", "reconciler-0", "--shards must be a whole number of replicas", TestName = "A replica count that is not a number is refused")]
    public void A_mistake_is_one_clear_error(string? shard, string? shards, string? pod, string error)
    {
        var (resolved, message) = ShardSettings.Resolve(shard, shards, pod);

        Assert.That(resolved, Is.Null);
        Assert.That(message, Does.StartWith(error));
    }
}
