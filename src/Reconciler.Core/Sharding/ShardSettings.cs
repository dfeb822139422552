using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconciler.Core.Sharding;

/// <summary>
/// Works out this replica's <see cref="ShardAssignment"/> from what it is given, in order: <c>--shard N/M</c>; else
/// the StatefulSet ordinal at the end of the pod name (<c>reconciler-2</c> → 2) with the replica count from
/// <c>--shards</c> (or <c>RECONCILER_SHARDS</c>); else 0/1, everything. Pure: the pod name is passed in.
/// </summary>
public static partial class ShardSettings
{
    public static (ShardAssignment? Shard, string? Error) Resolve(string? shard, string? shards, string? podName)
    {
        if (!string.IsNullOrWhiteSpace(shard))
        {
            return Parse(shard.Trim());
        }
        if (string.IsNullOrWhiteSpace(shards))
        {
            return (ShardAssignment.Single, null);
        }
        if (!int.TryParse(shards.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return (null, $"--shards must be a whole number of replicas, 1 or more, not '{shards}'");
        }
        if (count == 1)
        {
            return (ShardAssignment.Single, null);
        }
        var match = podName is null ? null : Ordinal().Match(podName);
        if (match is not { Success: true })
        {
            return (null, $"--shards {count} needs this replica's ordinal: run it as a StatefulSet pod (POD_NAME like reconciler-2; " +
                $"the pod name is '{podName ?? "(unset)"}') or give --shard N/{count}");
        }
        return Checked(match.Groups[1].Value, count, $"the pod name '{podName}'");
    }

    private static (ShardAssignment?, string?) Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return (null, $"--shard must be N/M (this replica's number N from 0, of M replicas), e.g. 0/2, not '{text}'");
        }
        return Checked(parts[0], count, $"--shard {text}");
    }

    private static (ShardAssignment?, string?) Checked(string index, int count, string from)
    {
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return (null, $"--shard must be N/M with N a whole number from 0, not '{index}/{count}'");
        }
        return n < count
            ? (new ShardAssignment(n, count), null)
            : (null, $"{from} gives shard {n}, but there are only {count} shards (0 to {count - 1}); raise --shards to the StatefulSet's replicas");
    }

    /// <summary>A StatefulSet pod is named {statefulset}-{ordinal}.</summary>
    [GeneratedRegex(@"-(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();
}
