using Reconciler.Platforms.Ecs.Wire.Errors;

namespace Reconciler.Platforms.Ecs.Wire;

/// <summary>
/// Where to send requests for a service: <c>AWS_ENDPOINT_URL_{SERVICE}</c>, else <c>AWS_ENDPOINT_URL</c>, else
/// <c>https://{service}.{region}.amazonaws.com</c> — the same precedence as the AWS SDKs and CLI. The environment
/// is read through a lookup function so tests and the emulator can supply their own.
/// </summary>
public sealed class AwsEndpointResolver(Func<string, string?> environment)
{
    /// <summary>Reads the real process environment.</summary>
    public static AwsEndpointResolver FromEnvironment { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>Every service at one base URL (the local emulator), whatever the environment says.</summary>
    public static AwsEndpointResolver Fixed(Uri endpoint) => new(name => name == "AWS_ENDPOINT_URL" ? endpoint.ToString() : null);

    /// <param name="serviceId">The service id as the SDKs spell it in env var names: <c>ECS</c>, <c>SSM</c>.</param>
    /// <param name="endpointPrefix">The host prefix of the public endpoint: <c>ecs</c>, <c>ssm</c>.</param>
    public Uri Resolve(string serviceId, string endpointPrefix, string region) =>
        Override(serviceId) ?? new Uri($"https://{endpointPrefix}.{region}.amazonaws.com/");

    /// <summary>The override URL from the environment, or null when the service goes to its public endpoint.</summary>
    public Uri? Override(string serviceId)
    {
        foreach (var variable in new[] { $"AWS_ENDPOINT_URL_{serviceId.ToUpperInvariant()}", "AWS_ENDPOINT_URL" })
        {
            var value = environment(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return Parse(variable, value.Trim());
            }
        }
        return null;
    }

    private static Uri Parse(string variable, string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }
        throw new AwsConfigurationException(AwsErrorCodes.InvalidEndpoint,
            $"{variable} is '{value}', which is not an absolute http(s) URL; set it like http://127.0.0.1:4566 or unset it");
    }
}
