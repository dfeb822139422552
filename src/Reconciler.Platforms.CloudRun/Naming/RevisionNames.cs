namespace Reconciler.Platforms.CloudRun.Naming;

/// <summary>
/// Deterministic revision names: <c>{service}-{first hex chars of the template fingerprint}</c>, lowercase, at most
/// 63 characters (Knative's rule: starts with "{service}-", unique, changes whenever the template changes). The same
/// template always gets the same name, so a patch retried after a lost answer creates nothing new.
/// </summary>
public static class RevisionNames
{
    public const int MaxLength = 63;
    public const int HashChars = 12;

    /// <summary>The longer name used once when Cloud Run says the short one is taken by another template (409).</summary>
    public const int ConflictHashChars = 24;

    public static string For(string service, string fingerprint) => Build(service, fingerprint, HashChars);

    public static string ForConflict(string service, string fingerprint) => Build(service, fingerprint, ConflictHashChars);

    /// <summary>True when <paramref name="revision"/> is one of the names <see cref="For"/> could give this service.</summary>
    public static bool IsOurs(string service, string revision) =>
        revision.StartsWith(service.ToLowerInvariant() + "-", StringComparison.Ordinal)
        && revision[(service.Length + 1)..].All(Uri.IsHexDigit);

    private static string Build(string service, string fingerprint, int hashChars)
    {
        var prefix = service.ToLowerInvariant() + "-";
        var hex = fingerprint.ToLowerInvariant();
        if (hex.Length == 0 || !hex.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"fingerprint '{fingerprint}' is not lowercase hex", nameof(fingerprint));
        }
        var room = Math.Min(hashChars, Math.Min(hex.Length, MaxLength - prefix.Length));
        if (room < 6)
        {
            throw new ArgumentException($"service name '{service}' is too long for a revision name of at most {MaxLength} characters", nameof(service));
        }
        return prefix + hex[..room];
    }
}
