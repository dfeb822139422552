using Amazon.Runtime;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Auth;

public sealed class CredentialsSourceTests
{
    [Test]
    public void No_credentials_in_the_chain_gives_one_actionable_line_and_no_retry()
    {
        var source = new DefaultChainCredentialsSource(() =>
            Task.FromException<AWSCredentials>(new AmazonClientException("Failed to resolve AWS credentials. ...")));

        var error = Assert.ThrowsAsync<AwsConfigurationException>(async () => await source.GetAsync(CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("no AWS credentials found (looked at env vars, shared profile, web identity, container, IMDS)"));
            Assert.That(error.Message, Does.Contain("AWS_PROFILE").And.Contain("--emulator"));
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.NoCredentials));
            Assert.That(error.IsRetryable, Is.False);
        });
    }

    [Test]
    public async Task Credentials_from_the_chain_carry_the_session_token()
    {
        var source = new DefaultChainCredentialsSource(() =>
            Task.FromResult<AWSCredentials>(new SessionAWSCredentials("AKIDCHAIN", "chain-secret", "chain-token")));

        var credentials = await source.GetAsync(CancellationToken.None);

        Assert.That(credentials, Is.EqualTo(new AwsCredentials("AKIDCHAIN", "chain-secret", "chain-token")));
    }

    [Test]
    public async Task The_chain_is_resolved_once_and_reused()
    {
        var resolutions = 0;
        var source = new DefaultChainCredentialsSource(() =>
        {
            resolutions++;
            return Task.FromResult<AWSCredentials>(new BasicAWSCredentials("AKIDCHAIN", "chain-secret"));
        });

        await source.GetAsync(CancellationToken.None);
        var second = await source.GetAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(resolutions, Is.EqualTo(1));
            Assert.That(second.SessionToken, Is.Null);
        });
    }

    [Test]
    public void A_provider_that_cannot_refresh_gives_a_retryable_error_naming_the_provider()
    {
        var source = new DefaultChainCredentialsSource(() => Task.FromResult<AWSCredentials>(new UnreachableStsCredentials()));

        var error = Assert.ThrowsAsync<AwsApiException>(async () => await source.GetAsync(CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo(AwsErrorCodes.CredentialsUnavailable));
            Assert.That(error.IsRetryable, Is.True);
            Assert.That(error.Message, Does.Contain(nameof(UnreachableStsCredentials)).And.Contain("STS unreachable"));
        });
    }

    [Test]
    public void The_security_token_assembly_for_web_identity_is_deployed_beside_the_client()
    {
        // AWSSDK.Core loads STS by name at run time for IRSA / web identity; nothing references it at compile time.
        Assert.That(() => System.Reflection.Assembly.Load("AWSSDK.SecurityToken"), Throws.Nothing);
    }

    private sealed class UnreachableStsCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonServiceException("STS unreachable");
    }
}
