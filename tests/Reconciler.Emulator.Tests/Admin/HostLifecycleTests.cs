using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Admin;

internal sealed class HostLifecycleTests
{
    [Test]
    public async Task The_host_binds_loopback_on_a_free_port_and_stops_answering_after_StopAsync()
    {
        var emulator = await EmulatorHost.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var before = await new WireClient(http).EcsAsync("DescribeClusters");

        await emulator.StopAsync();

        Assert.That(before.Ok, Is.True);
        Assert.That(emulator.BaseUri.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(emulator.BaseUri.Port, Is.GreaterThan(0));
        Assert.ThrowsAsync<HttpRequestException>(() => new WireClient(http).EcsAsync("DescribeClusters"));
        await emulator.DisposeAsync();
    }

    [Test]
    public async Task Starting_on_a_port_that_is_taken_fails_with_an_IOException()
    {
        await using var first = await EmulatorHost.StartAsync();

        Assert.ThrowsAsync(Is.InstanceOf<IOException>(), () => EmulatorHost.StartAsync(new EmulatorOptions { Port = first.BaseUri.Port }));
    }
}
