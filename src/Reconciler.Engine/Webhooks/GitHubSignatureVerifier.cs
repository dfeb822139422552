using System.Security.Cryptography;

namespace Reconciler.Engine.Webhooks;

/// <summary>
/// Checks GitHub's <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, an HMAC-SHA256 of the raw body keyed
/// with the webhook secret. The comparison is constant-time so the signature cannot be guessed byte by byte.
/// </summary>
public static class GitHubSignatureVerifier
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private const int HexLength = SHA256.HashSizeInBytes * 2;

    public static SignatureCheck Verify(byte[] body, string? signatureHeader, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureCheck.Missing;
        }
        var header = signatureHeader.Trim();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + HexLength)
        {
            return SignatureCheck.Malformed;
        }
        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return SignatureCheck.Malformed;
        }
        var expected = HMACSHA256.HashData(secret, body);
        return CryptographicOperations.FixedTimeEquals(expected, claimed) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value GitHub would send for this body and secret (for tests and tools).</summary>
    public static string Sign(byte[] body, byte[] secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));
}
