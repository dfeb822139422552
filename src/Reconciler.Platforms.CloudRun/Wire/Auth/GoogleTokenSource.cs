using Google.Apis.Auth.OAuth2;

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
        var credential = await _credential.Value.ConfigureAwait(false);
        return await credential.GetAccessTokenForRequestAsync(authUri: null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ITokenAccess> LoadAsync()
    {
        var credential = await GoogleCredential.GetApplicationDefaultAsync().ConfigureAwait(false);
        return credential.CreateScoped(Scope);
    }
}
