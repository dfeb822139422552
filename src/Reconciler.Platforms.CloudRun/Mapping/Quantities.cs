using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconciler.Platforms.CloudRun.Mapping;

/// <summary>
/// Canonical resource quantities, applied to desired and observed alike so spelling is never drift: cpu "1000m" is
/// "1", memory "1024Mi" is "1Gi" (the largest binary unit that keeps an integer). Unknown spellings stay as they are.
/// </summary>
internal static partial class Quantities
{
    private static readonly (string Unit, long Bytes)[] Binary = [("Ti", 1L << 40), ("Gi", 1L << 30), ("Mi", 1L << 20), ("Ki", 1L << 10)];

    public static string? Cpu(string? cpu)
    {
        if (cpu is not null && cpu.EndsWith('m') && long.TryParse(cpu[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var milli) && milli % 1000 == 0)
        {
            return (milli / 1000).ToString(CultureInfo.InvariantCulture);
        }
        return cpu;
    }

    public static string? Memory(string? memory)
    {
        if (memory is null || Parse().Match(memory) is not { Success: true } m)
        {
            return memory;
        }
        var number = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var bytes = m.Groups[2].Value switch
        {
            "" => number,
            var unit => number * Binary.Concat([("K", 1000L), ("M", 1000_000L), ("G", 1000_000_000L)]).First(u => u.Item1 == unit).Item2,
        };
        foreach (var (unit, size) in Binary)
        {
            if (bytes >= size && bytes % size == 0)
            {
                return (bytes / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }
        return memory;
    }

    [GeneratedRegex(@"^(\d{1,12})(Ki|Mi|Gi|Ti|K|M|G)?$")]
    private static partial Regex Parse();
}
