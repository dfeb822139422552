using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconciler.Manifests.Binding;

/// <summary>Go-style durations as Kubernetes users write them: <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
public static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!Whole().IsMatch(text))
        {
            return false;
        }
        foreach (Match part in Part().Matches(text))
        {
            if (!long.TryParse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 1_000_000_000)
            {
                return false;
            }
            duration += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.FromMilliseconds(amount),
            };
        }
        return true;
    }

    /// <summary>The shortest text that parses back to the same duration (used in messages).</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds % 1000 != 0 ? $"{(long)duration.TotalMilliseconds}ms" : $"{(long)duration.TotalSeconds}s";

    [GeneratedRegex(@"^(?:\d+(?:ms|h|m|s))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+)(ms|h|m|s)")]
    private static partial Regex Part();
}
