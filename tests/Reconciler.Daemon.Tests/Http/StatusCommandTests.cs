using Reconciler.Daemon.Commands;

namespace Reconciler.Daemon.Tests.Http;

/// <summary><c>reconciler status</c> and <c>retry</c> when the daemon cannot be reached: one line, exit code 1, no stack trace.</summary>
public sealed class StatusCommandTests
{
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    private const string Nowhere = "http://127.0.0.1:1";

    [Test]
    public async Task Status_of_an_unreachable_daemon_is_one_error_line_and_exit_1()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await StatusCommand.RunAsync(Nowhere, stdout, stderr, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Does.StartWith($"error: cannot read status from {Nowhere}:"));
        Assert.That(stderr.ToString().Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stdout.ToString(), Is.Empty);
    }

    [Test]
    public async Task Retry_on_an_unreachable_daemon_is_one_error_line_and_exit_1()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await RetryCommand.RunAsync(Nowhere, "EcsService", "web", stdout, stderr, CancellationToken.None);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Does.StartWith($"error: cannot reach the daemon at {Nowhere}:"));
    }
}
