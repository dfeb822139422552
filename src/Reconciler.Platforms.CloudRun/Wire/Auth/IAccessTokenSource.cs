namespace Reconciler.Platforms.CloudRun.Wire.Auth;

/// <summary>Where the bearer token of each request comes from.</summary>
public interface IAccessTokenSource
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
