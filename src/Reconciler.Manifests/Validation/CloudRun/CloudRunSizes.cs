using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconciler.Manifests.Validation.CloudRun;

/// <summary>
/// Cloud Run container limits (cloud.google.com/run/docs/configuring/cpu and memory-limits): cpu 1, 2, 4, 6 or 8
/// (or millicpu such as <c>1000m</c>), or a fraction from 0.08 below 1 in steps of 0.001; memory in Mi or Gi from
/// 128Mi to 32Gi.
/// </summary>
public static partial class CloudRunSizes
{
    public static readonly IReadOnlyList<int> WholeCpus = [1, 2, 4, 6, 8];
    public const decimal MinCpu = 0.08m;
    public const int MinMemoryMiB = 128;
    public const int MaxMemoryMiB = 32 * 1024;
    /// <summary>What Cloud Run uses when only the other one of cpu and memory is given.</summary>
    public const decimal DefaultCpu = 1;
    public const int DefaultMemoryMiB = 512;

    /// <summary>The number of CPUs, or null when Cloud Run would refuse the text.</summary>
    public static decimal? Cpu(string text)
    {
        decimal value;
        if (MilliCpu().Match(text) is { Success: true } milli)
        {
            value = decimal.Parse(milli.Groups[1].Value, CultureInfo.InvariantCulture) / 1000;
        }
        else if (!Decimal().IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }
        var whole = value >= 1 && value == decimal.Truncate(value) && WholeCpus.Contains((int)value);
        var fraction = value >= MinCpu && value < 1 && value * 1000 == decimal.Truncate(value * 1000);
        return whole || fraction ? value : null;
    }

    /// <summary>MiB, or null when the text is not a whole number of Mi or Gi within 128Mi to 32Gi.</summary>
    public static int? MemoryMiB(string text)
    {
        if (Memory().Match(text) is not { Success: true } match || !long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }
        var mib = match.Groups[2].Value == "Gi" ? amount * 1024 : amount;
        return mib is >= MinMemoryMiB and <= MaxMemoryMiB ? (int)mib : null;
    }

    [GeneratedRegex("^([0-9]{1,6})m$")]
    private static partial Regex MilliCpu();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,6})?$")]
    private static partial Regex Decimal();

    [GeneratedRegex("^([0-9]{1,9})(Mi|Gi)$")]
    private static partial Regex Memory();
}
