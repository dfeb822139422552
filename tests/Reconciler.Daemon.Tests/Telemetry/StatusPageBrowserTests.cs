using Microsoft.Playwright;
using Reconciler.Core.Health;
using Reconciler.Daemon.Tests.Scenarios;

namespace Reconciler.Daemon.Tests.Telemetry;

/// <summary>
/// The status page at <c>/</c> in a real headless Chromium, read as a person reads it: one row per resource with its
/// statuses, revisions and recent events, the source with a manifest error at file:line. The screenshot is kept.
/// </summary>
public sealed class StatusPageBrowserTests
{
    [Test]
    public async Task A_person_sees_every_resource_its_statuses_the_rollback_and_the_broken_file_with_its_line()
    {
        await using var world = await DaemonHarness.StartAsync();
        world.Repo.WriteFile("services/worker.yaml", WebManifest.Yaml("v1").Replace("name: web", "name: worker").Replace("family: web", "family: worker"));
        await world.PushAsync(WebManifest.Yaml("v1"), "web and worker v1");
        await world.Daemon.WaitForAsync("worker", r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "worker to converge");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.LastKnownGood is not null && r.Health == HealthStatus.Healthy, "web to converge");
        world.Repo.WriteFile("services/api.yaml", WebManifest.Yaml("v1").Replace("name: web", "name: api").Replace("desiredCount: 2", "desiredCount: two"));
        var broken = await world.PushAsync(WebManifest.Yaml("v2-unhealthy"), "web v2 unhealthy, api with a typo");
        await world.Daemon.WaitForAsync(WebManifest.Name, r => r.Health == HealthStatus.Degraded, "the rollback");

        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var response = await page.GotoAsync(world.Daemon.BaseUri.ToString());
            await Screenshot(page);

            Assert.That(response?.Status, Is.EqualTo(200));
            Assert.That(await page.TitleAsync(), Is.EqualTo("Reconciler status"));
            var rows = page.Locator("tr.resource");
            Assert.That(await rows.CountAsync(), Is.EqualTo(2));
            var web = await rows.Filter(new LocatorFilterOptions { HasText = "web" }).InnerTextAsync();
            var worker = await rows.Filter(new LocatorFilterOptions { HasText = "worker" }).InnerTextAsync();
            Assert.That(web, Does.Contain("EcsService").And.Contain("OutOfSync").And.Contain("Degraded").And.Contain("web:1"));
            Assert.That(worker, Does.Contain("EcsService").And.Contain("Synced").And.Contain("Healthy"));
            var events = await page.Locator("tr.events").First.InnerTextAsync();
            Assert.That(events, Does.Contain("RollBack"), "recent events of web");
            var source = await page.Locator("#source").InnerTextAsync();
            Assert.That(source, Does.Contain(broken[..12]).And.Contain("Manifest errors (1)"));
            Assert.That(source, Does.Match(@"services/api\.yaml:\d+"), "the broken file with its line");
            Assert.That(await page.Locator("meta[http-equiv=refresh]").GetAttributeAsync("content"), Is.EqualTo("5"), "refreshes by itself");
        }
    }

    private static async Task Screenshot(IPage page)
    {
        var dir = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "artifacts"));
        var path = Path.Combine(dir.FullName, "status-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, "the status page in headless Chromium");
    }
}
