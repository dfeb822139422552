using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime.Internal.Auth;

namespace Reconciler.Platforms.Ecs.Wire.Auth;

/// <summary>
/// AWS Signature Version 4 for header-signed requests. We build the canonical request ourselves (we own the
/// HttpRequestMessage, the SDK's signer wants its internal IRequest) and let AWSSDK.Core's
/// <see cref="AWS4Signer.ComputeSignature(string,string,string,DateTime,string,string,string)"/> derive the key,
/// the string to sign and the Authorization header, so the cryptography is the SDK's, not ours.
/// </summary>
internal static class SigV4Signer
{
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static SigV4Result Sign(SigV4Request request)
    {
        var amzDate = request.SignedAt.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
        var token = request.Credentials.SessionToken;
        var headers = CanonicalHeaders(request, amzDate, token);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalPath(request.Uri),
            CanonicalQuery(request.Uri),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            Convert.ToHexStringLower(SHA256.HashData(request.Body.Span)));
        var result = AWS4Signer.ComputeSignature(
            request.Credentials.AccessKeyId, request.Credentials.SecretAccessKey, request.Region,
            request.SignedAt.UtcDateTime, request.Service, signedHeaders, canonical);
        return new SigV4Result(result.ForAuthorizationHeader, amzDate, token, canonical, signedHeaders, result.Signature);
    }

    /// <summary>The host header carries the port unless it is the scheme's default (e.g. <c>127.0.0.1:4566</c>).</summary>
    public static string HostHeader(Uri uri) => uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";

    private static SortedDictionary<string, string> CanonicalHeaders(SigV4Request request, string amzDate, string? token)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = Trim(value);
        }
        headers["host"] = HostHeader(request.Uri);
        headers["x-amz-date"] = amzDate;
        if (token is not null)
        {
            headers["x-amz-security-token"] = token;
        }
        return headers;
    }

    private static string Trim(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string CanonicalPath(Uri uri) => string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath;

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return "";
        }
        var pairs = query.Split('&').Select(p => p.Contains('=') ? p : p + "=");
        return string.Join('&', pairs.Order(StringComparer.Ordinal));
    }
}
