using Amazon.Runtime;

namespace Reconciler.Platforms.Ecs.Wire.Auth;

/// <summary>
/// The project's <see cref="IAwsCredentialsSource"/> (the default chain, or static keys for tests and the emulator) as
/// the <see cref="AWSCredentials"/> an official SDK client signs with, so the SDK clients and the hand-written ECS
/// client share one credential chain and its caching. Asked per request, so rotation is picked up.
/// </summary>
internal sealed class SdkCredentials(IAwsCredentialsSource source) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var credentials = await source.GetAsync(CancellationToken.None).ConfigureAwait(false);
        return new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
    }
}
