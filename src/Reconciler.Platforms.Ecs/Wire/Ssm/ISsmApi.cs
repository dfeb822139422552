namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>
/// The one SSM Parameter Store read the reconciler needs: GetParameters for at most <see cref="MaxNamesPerCall"/> names,
/// always without decryption, so a SecureString's plaintext is never fetched (the seam cannot even ask for it).
/// One call is one request: the caller wraps each in the rate limiter and Polly pipeline.
/// </summary>
public interface ISsmApi
{
    /// <summary>SSM's own limit for GetParameters.</summary>
    const int MaxNamesPerCall = 10;

    /// <summary>Names that do not exist come back in <see cref="GetParametersResponse.InvalidParameters"/>, not as an error.</summary>
    Task<GetParametersResponse> GetParametersAsync(IReadOnlyList<string> names, CancellationToken ct);
}
