using Microsoft.Playwright;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>
/// Debian's chromium driven by Playwright for .NET: <c>ExecutablePath</c> points at the system binary, so no browser is
/// downloaded (the project's machines reach no download site). <c>.ci/run</c> installs the <c>chromium</c> package.
/// </summary>
internal static class HeadlessChromium
{
    public const string Binary = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Binary))
        {
            Assert.Fail($"{Binary} is missing: apt-get install -y chromium (.ci/run does)");
        }
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Binary,
                Headless = true,
                // Root in CI has no user namespace sandbox to give chromium.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
