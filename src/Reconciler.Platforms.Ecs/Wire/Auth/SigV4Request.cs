namespace Reconciler.Platforms.Ecs.Wire.Auth;

/// <summary>What gets signed: method, full URI (host and port come from it), extra headers to sign, the body.</summary>
internal sealed record SigV4Request(
    string Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    AwsCredentials Credentials,
    string Region,
    string Service,
    DateTimeOffset SignedAt);

/// <summary>Headers to put on the request, plus the intermediate strings (for tests and debugging).</summary>
internal sealed record SigV4Result(
    string Authorization,
    string AmzDate,
    string? SecurityToken,
    string CanonicalRequest,
    string SignedHeaders,
    string Signature);
