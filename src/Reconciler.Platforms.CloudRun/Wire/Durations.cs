using System.Globalization;

namespace Reconciler.Platforms.CloudRun.Wire;

/// <summary>google.protobuf.Duration in JSON: seconds with an "s" suffix ("10s", "1.5s").</summary>
internal static class Durations
{
    public static string Format(TimeSpan value) =>
        value.TotalSeconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s";

    public static TimeSpan? Parse(string? text) =>
        text is { Length: > 1 } && text.EndsWith('s')
        && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
