using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Wire.Auth;

/// <summary>
/// The standard AWS credential chain (env vars, shared profile, web identity / IRSA via AWSSDK.SecurityToken,
/// ECS container credentials, IMDS) as implemented by AWSSDK.Core. The resolved <see cref="AWSCredentials"/>
/// refreshes itself, so it is resolved once and asked for fresh immutable credentials on every request.
/// </summary>
public sealed class DefaultChainCredentialsSource : IAwsCredentialsSource
{
    internal const string NotFoundMessage =
        "no AWS credentials found (looked at env vars, shared profile, web identity, container, IMDS); " +
        "set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or run with an IAM role), or use --emulator";

    private readonly Func<Task<AWSCredentials>> _resolve;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _resolved;

    public DefaultChainCredentialsSource()
        : this(() => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null))
    {
    }

    /// <summary>Seam for tests: replaces the SDK's chain.</summary>
    internal DefaultChainCredentialsSource(Func<Task<AWSCredentials>> resolve) => _resolve = resolve;

    public async ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await ResolveOnceAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var immutable = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A provider was found but could not produce credentials now (STS or IMDS unreachable, throttled):
            // usually transient, so retryable, and named so the operator knows which provider failed.
            throw new AwsApiException(AwsErrorCodes.CredentialsUnavailable,
                $"could not get AWS credentials from {credentials.GetType().Name}: {e.Message}", httpStatus: 0, isRetryable: true);
        }
    }

    private async Task<AWSCredentials> ResolveOnceAsync(CancellationToken cancellationToken)
    {
        if (_resolved is not null)
        {
            return _resolved;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _resolved ??= await _resolve().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException)
        {
            // The SDK's own message is a multi-line list of provider failures; one actionable line is more useful.
            throw new AwsConfigurationException(AwsErrorCodes.NoCredentials, NotFoundMessage);
        }
        finally
        {
            _gate.Release();
        }
    }
}
