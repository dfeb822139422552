namespace Reconciler.Platforms.Ecs.Wire.Auth;

/// <summary>Fixed credentials: for tests and the local emulator (which accepts any well-formed signature).</summary>
public sealed class StaticCredentialsSource(AwsCredentials credentials) : IAwsCredentialsSource
{
    /// <summary>The dummy key pair used against the emulator.</summary>
    public static StaticCredentialsSource Emulator { get; } = new(new AwsCredentials("AKIAEMULATOR", "emulator-secret"));

    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
