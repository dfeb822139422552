namespace Reconciler.Platforms.CloudRun.Wire;

/// <summary>
/// Where Admin API v2 requests go: <c>CLOUD_RUN_ENDPOINT</c> (a base URL such as http://127.0.0.1:4566/) or
/// https://run.googleapis.com/. A loopback override means the local emulator: no Google credentials are needed.
/// </summary>
public sealed record CloudRunEndpoint(Uri BaseUri)
{
    public const string Variable = "CLOUD_RUN_ENDPOINT";
    public static readonly Uri Google = new("https://run.googleapis.com/");

    public bool IsLoopback => BaseUri.IsLoopback;

    public static CloudRunEndpoint FromEnvironment(Func<string, string?>? environment = null)
    {
        var value = (environment ?? Environment.GetEnvironmentVariable)(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new CloudRunEndpoint(Google);
        }
        value = value.Trim();
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"{Variable} is '{value}', which is not an absolute http(s) URL; set it like http://127.0.0.1:4566/ or unset it");
        }
        return new CloudRunEndpoint(uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/"));
    }
}
