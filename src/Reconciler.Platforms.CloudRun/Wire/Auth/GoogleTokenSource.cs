using Google.Apis.Auth.OAuth2;
using Reconciler.Core.Seams;

namespace Reconciler.Platforms.CloudRun.Wire.Auth;

/// <summary>
/// Application default credentials (Google.Apis.Auth): a service-account key named by GOOGLE_APPLICATION_CREDENTIALS,
/// gcloud's user credentials, or the metadata server (GKE Workload Identity, Cloud Run, GCE), scoped to
/// <c>cloud-platform</c>. The library caches and refreshes the token; it is never logged.
/// </summary>
public sealed class GoogleTokenSource : IAccessTokenSource
{
    public const string Scope = "https://www.googleapis.com/auth/cloud-platform";
    private readonly Lazy<Task<ITokenAccess>> _credential = new(LoadAsync);

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        ITokenAccess credential;
        try
        {
            credential = await _credential.Value.ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            // No credentials anywhere: a setup problem, not something a retry fixes. The library's message names no secret.
            throw new PlatformException(
                "no Google credentials for the Cloud Run Admin API: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, " +
                "run on GKE with Workload Identity, or point CLOUD_RUN_ENDPOINT at the local emulator (" + e.Message + ")", retryable: false, e);
        }
        return await credential.GetAccessTokenForRequestAsync(authUri: null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ITokenAccess> LoadAsync()
    {
        var credential = await GoogleCredential.GetApplicationDefaultAsync().ConfigureAwait(false);
        return credential.CreateScoped(Scope);
    }
}
