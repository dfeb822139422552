using Amazon;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Reconciler.Platforms.Ecs.Wire.Auth;

namespace Reconciler.Platforms.Ecs.Wire.Ssm;

/// <summary>
/// Builds the official SSM client for one region: the endpoint from <see cref="AwsEndpointResolver"/>
/// (<c>AWS_ENDPOINT_URL_SSM</c>, then <c>AWS_ENDPOINT_URL</c>, else the SDK's own regional endpoint), signing always
/// for the manifest's region, the project's credential chain, and <c>MaxErrorRetry = 0</c> so the Polly pipeline in
/// <c>AwsCallPolicy</c> is the only retry layer (two layers would multiply attempts and hide throttling from the
/// rate limiter).
/// </summary>
internal static class SsmClientFactory
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    public static SdkSsmApi Create(string region, Uri? endpointOverride, IAwsCredentialsSource credentials, HttpMessageHandler? handler)
    {
        var config = new AmazonSimpleSystemsManagementConfig
        {
            MaxErrorRetry = 0,
            RetryMode = RequestRetryMode.Standard,
            Timeout = RequestTimeout,
            // Our resolver already read the environment (or was fixed to the emulator): the SDK must not read it again.
            IgnoreConfiguredEndpointUrls = true,
        };
        if (endpointOverride is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = endpointOverride.ToString();
            config.AuthenticationRegion = region;
        }
        if (handler is not null)
        {
            config.HttpClientFactory = new HandlerHttpClientFactory(handler);
        }
        return new SdkSsmApi(new AmazonSimpleSystemsManagementClient(new SdkCredentials(credentials), config));
    }

    /// <summary>A caller-supplied transport (tests, proxies); the handler stays the caller's to dispose.</summary>
    private sealed class HandlerHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
