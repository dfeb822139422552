namespace Reconciler.Platforms.Ecs.Wire.Auth;

/// <summary>
/// Where the wire clients get credentials for each request. Called per request so that rotating credentials
/// (web identity, container, IMDS) are picked up; implementations cache as they see fit.
/// </summary>
public interface IAwsCredentialsSource
{
    ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken);
}
