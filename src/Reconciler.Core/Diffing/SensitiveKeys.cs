namespace Reconciler.Core.Diffing;

/// <summary>
/// Which keys of a map field are redacted in diffs, status and logs: all of them. Guessing by name (PASSWORD, TOKEN)
/// let <c>DATABASE_URL</c> and <c>DSN</c> through; a value is shown as a short hash instead (<see cref="FieldChange.Redacted"/>).
/// </summary>
internal static class SensitiveKeys
{
    public static bool Always(string key) => true;
}
