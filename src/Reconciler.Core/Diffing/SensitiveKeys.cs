namespace Reconciler.Core.Diffing;

/// <summary>
/// Environment keys that look like they hold a secret. Their values are redacted in diffs and logs: a secret
/// pasted into <c>environment</c> instead of <c>secrets</c> must still not reach output.
/// </summary>
internal static class SensitiveKeys
{
    private static readonly string[] Markers = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL"];

    public static bool LooksSecret(string key) =>
        Markers.Any(m => key.Contains(m, StringComparison.OrdinalIgnoreCase));

    public static bool Always(string key) => true;
}
