namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>
/// The SSM Parameter Store reads the reconciler needs (resolving <c>ssm:</c> values in manifests), one method each.
/// Responses may hold decrypted secrets: callers must not log them.
/// </summary>
public interface ISsmApi
{
    /// <summary>Any number of names; sent in batches of at most 10 with parameters and invalid names merged.</summary>
    Task<GetParametersResponse> GetParametersAsync(GetParametersRequest request, CancellationToken ct = default);

    /// <summary>One page; see <see cref="SsmApiPaging"/> for all pages.</summary>
    Task<GetParametersByPathResponse> GetParametersByPathAsync(GetParametersByPathRequest request, CancellationToken ct = default);

    /// <summary>Throws <see cref="Errors.ParameterNotFoundException"/> when the name does not exist.</summary>
    Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken ct = default);
}
