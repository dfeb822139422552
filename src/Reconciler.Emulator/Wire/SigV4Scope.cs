using System.Text.RegularExpressions;

namespace Reconciler.Emulator.Wire;

/// <summary>
/// The credential scope of a SigV4 Authorization header. The emulator does not verify signatures, but insists on
/// a well-formed header so a client that forgets to sign fails here as it would against AWS.
/// </summary>
internal sealed partial record SigV4Scope(string AccessKey, string Date, string Region, string Service)
{
    public static SigV4Scope Parse(string? header, string? expectedService)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new AwsException("IncompleteSignatureException", "Authorization header requires a 'Credential' parameter. Authorization header requires a 'Signature' parameter.", 403);
        }
        var match = Pattern().Match(header);
        if (!match.Success)
        {
            throw new AwsException("IncompleteSignatureException",
                "Authorization header must be 'AWS4-HMAC-SHA256 Credential=<key>/<yyyyMMdd>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=...'.", 403);
        }
        var scope = new SigV4Scope(match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        if (expectedService is not null && scope.Service != expectedService)
        {
            throw new AwsException("InvalidSignatureException", $"Credential should be scoped to correct service: '{expectedService}'.", 403);
        }
        return scope;
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256\s+Credential=(?<key>[^/\s,]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request,\s*SignedHeaders=[a-z0-9;\-]+,\s*Signature=[0-9a-f]+$")]
    private static partial Regex Pattern();
}
