using System.Security.Cryptography;
using System.Text;

namespace Reconciler.Daemon.Http;

/// <summary>
/// The bearer token of <c>--api-token-file</c>. Held only as bytes and never formatted: <see cref="ToString"/> names
/// no content, so the token cannot reach a log line, /status or /metrics by accident.
/// </summary>
internal sealed class ApiToken
{
    private const string Scheme = "Bearer ";
    private readonly byte[] _expected;

    private ApiToken(byte[] expected) => _expected = expected;

    /// <summary>The token in <paramref name="path"/>, trimmed of surrounding whitespace and line ends.</summary>
    public static ApiToken Read(string path) => FromText(File.ReadAllText(path));

    public static ApiToken FromText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("the API token is empty", nameof(text));
        }
        return new ApiToken(Encoding.UTF8.GetBytes(trimmed));
    }

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;this token&gt;</c>; the token bytes are compared in constant time.</summary>
    public bool Admits(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var presented = Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }

    public override string ToString() => "ApiToken(redacted)";
}
