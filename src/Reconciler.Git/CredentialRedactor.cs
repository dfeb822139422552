using System.Text.RegularExpressions;

namespace Reconciler.Git;

/// <summary>
/// Removes credentials from anything that may reach a log or an exception: the whole user part of an http(s) URL
/// (https://TOKEN@host is as common as https://user:TOKEN@host), passwords in other URLs (ssh://git:***@host keeps
/// the user, which is not a secret there), and the literal token text, in case a server or git echoes it back.
/// </summary>
internal static partial class CredentialRedactor
{
    private const string Mask = "***";

    public static bool HasPassword(string url) => UrlPassword().IsMatch(url);

    /// <summary>True for http(s) URLs with any user part, e.g. <c>https://TOKEN@host/org/repo</c>.</summary>
    public static bool HasHttpUserInfo(string url) => HttpUserInfo().IsMatch(url);

    public static string RedactUrls(string text) =>
        UrlPassword().Replace(HttpUserInfo().Replace(text, "${prefix}" + Mask + "@"), "${prefix}" + Mask + "@");

    public static string Redact(string text, string? secret)
    {
        var redacted = RedactUrls(text);
        // Very short secrets would mask ordinary words; real tokens are far longer than this.
        return string.IsNullOrEmpty(secret) || secret.Length < 4
            ? redacted
            : redacted.Replace(secret, Mask, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<prefix>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)[^@/\s]+@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<prefix>\bhttps?://)(?!\*\*\*@)[^@/\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex HttpUserInfo();
}
