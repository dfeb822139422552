using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Support;

/// <summary>
/// An independent SigV4 check, written from the published algorithm (not the SDK): rebuilds the canonical request
/// from the request as received, using the headers the Authorization header says were signed, and recomputes the
/// signature with the secret key. If the client signed something other than what it sent, this disagrees.
/// </summary>
public static partial class SigV4Verifier
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<sig>[0-9a-f]{64})$")]
    public static partial Regex AuthorizationPattern();

    public static string ExpectedSignature(RecordedRequest request, string secretKey)
    {
        var auth = AuthorizationPattern().Match(request.Header("authorization"));
        if (!auth.Success)
        {
            return "<malformed Authorization header>";
        }
        var signed = auth.Groups["signed"].Value;
        var canonicalHeaders = string.Concat(signed.Split(';').Select(h => $"{h}:{request.Header(h).Trim()}\n"));
        var canonical = string.Join('\n', request.Method, request.Path, "", canonicalHeaders, signed,
            Convert.ToHexStringLower(SHA256.HashData(request.Body)));
        var date = auth.Groups["date"].Value;
        var scope = $"{date}/{auth.Groups["region"].Value}/{auth.Groups["service"].Value}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", request.Header("x-amz-date"), scope,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, auth.Groups["region"].Value, auth.Groups["service"].Value, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string ActualSignature(RecordedRequest request) =>
        AuthorizationPattern().Match(request.Header("authorization")).Groups["sig"].Value;
}
