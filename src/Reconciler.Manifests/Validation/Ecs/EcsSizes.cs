using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconciler.Manifests.Validation.Ecs;

/// <summary>
/// Task-level <c>cpu</c> and <c>memory</c> in the forms RegisterTaskDefinition accepts: CPU units (<c>1024</c>) or
/// vCPUs (<c>1 vCPU</c>, <c>0.5 vcpu</c>); MiB (<c>2048</c>) or GB (<c>2GB</c>, <c>0.5 GB</c>).
/// </summary>
public static partial class EcsSizes
{
    /// <summary>CPU units, or null when the text is in no form ECS accepts (or is not a whole number of units).</summary>
    public static int? CpuUnits(string text) => Parse(CpuForm().Match(text));

    /// <summary>MiB, or null when the text is in no form ECS accepts (or is not a whole number of MiB).</summary>
    public static int? MemoryMiB(string text) => Parse(MemoryForm().Match(text));

    private static int? Parse(Match match)
    {
        if (!match.Success || !decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        var scaled = match.Groups["unit"].Success ? number * 1024 : number;
        if (scaled != decimal.Truncate(scaled) || scaled > int.MaxValue)
        {
            return null;
        }
        return (int)scaled;
    }

    [GeneratedRegex(@"^\s*(?<n>[0-9]+(\.[0-9]+)?)\s*(?<unit>vcpu)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CpuForm();

    [GeneratedRegex(@"^\s*(?<n>[0-9]+(\.[0-9]+)?)\s*(?<unit>gb)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryForm();
}
