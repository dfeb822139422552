using System.Globalization;
using System.Text;
using Reconciler.Core.Model;

namespace Reconciler.Core.Sharding;

/// <summary>
/// Which resource keys this replica reconciles (<c>--shard N/M</c>): those whose stable hash mod M is N. The hash is
/// 32-bit FNV-1a of the key's UTF-8 text (<c>Kind/Name</c>), the same in every process and build — never
/// <c>string.GetHashCode</c>, which .NET randomizes per process and would give two replicas different answers.
/// </summary>
public sealed record ShardAssignment(int Index, int Count)
{
    /// <summary>One replica owns everything (the default).</summary>
    public static ShardAssignment Single { get; } = new(0, 1);

    public bool IsSingle => Count == 1;

    public bool Owns(ResourceKey key) => Count == 1 || ShardOf(key, Count) == Index;

    /// <summary>The shard (0 to <paramref name="count"/> - 1) that owns <paramref name="key"/>.</summary>
    public static int ShardOf(ResourceKey key, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(Fnv1a(key.ToString()) % (uint)count);
    }

    /// <summary>32-bit FNV-1a (offset basis 2166136261, prime 16777619) over UTF-8.</summary>
    public static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash;
    }

    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";
}
