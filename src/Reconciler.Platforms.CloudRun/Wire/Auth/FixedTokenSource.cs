namespace Reconciler.Platforms.CloudRun.Wire.Auth;

/// <summary>A constant token: the local emulator accepts any bearer token, so no Google credentials are needed.</summary>
public sealed class FixedTokenSource(string token) : IAccessTokenSource
{
    public static FixedTokenSource Emulator { get; } = new("emulator-token");

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}
