namespace Reconciler.Platforms.Ecs.Wire.Auth;

/// <summary>One resolved set of AWS credentials. <see cref="ToString"/> never prints the secret or the token.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
