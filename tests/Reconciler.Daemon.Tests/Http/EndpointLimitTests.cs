using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reconciler.Daemon.Tests.Scenarios;

namespace Reconciler.Daemon.Tests.Http;

/// <summary>The daemon's Kestrel has connection, header-time and body limits, and a client that stalls is cut off.</summary>
public sealed class EndpointLimitTests
{
    [Test]
    public async Task The_daemon_listens_with_bounded_connections_header_time_and_body_size()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions());

        var limits = world.Daemon.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Multiple(() =>
        {
            Assert.That(limits.MaxConcurrentConnections, Is.EqualTo(200));
            Assert.That(limits.RequestHeadersTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(limits.MaxRequestBodySize, Is.EqualTo(8 * 1024 * 1024));
            Assert.That(limits.MaxConcurrentUpgradedConnections, Is.Zero);
        });
    }

    [Test]
    public async Task A_client_that_never_finishes_its_headers_is_disconnected()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions());
        using var client = new TcpClient();
        await client.ConnectAsync(world.Daemon.BaseUri.Host, world.Daemon.BaseUri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /status HTTP/1.1\r\nHost: x\r\n"));

        // Never send the blank line: with the 10 s limit the connection ends well within 20 s (Kestrel's default is 30 s).
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[4096];
        var received = new StringBuilder();
        int read;
        while ((read = await stream.ReadAsync(buffer, guard.Token)) > 0)
        {
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.That(received.ToString(), Is.Empty.Or.Contains("408"), "the stalled request got no page");
    }
}
