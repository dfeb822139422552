using Reconciler.Git.Processes;

namespace Reconciler.Git.Tests.Processes;

public sealed class ProcessRunnerTests
{
    private static ProcessRequest Shell(string script, TimeSpan timeout, Dictionary<string, string?>? env = null) =>
        new("/bin/sh", ["-c", script], null, env ?? new Dictionary<string, string?>(), timeout);

    [Test]
    public async Task Output_error_and_exit_code_are_captured()
    {
        var result = await new ProcessRunner().RunAsync(Shell("echo out; echo err >&2; exit 3", TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ProcessResult(3, "out\n", "err\n")));
    }

    [Test]
    public async Task Environment_values_are_set_and_null_values_removed()
    {
        var env = new Dictionary<string, string?> { ["RECONCILER_A"] = "set", ["PATH"] = "/usr/bin:/bin", ["HOME"] = null };

        var result = await new ProcessRunner().RunAsync(Shell("echo \"$RECONCILER_A-${HOME-unset}\"", TimeSpan.FromSeconds(10), env), CancellationToken.None);

        Assert.That(result.StandardOutput, Is.EqualTo("set-unset\n"));
    }

    [Test]
    public async Task A_process_that_outlives_its_timeout_is_killed_and_reported()
    {
        var result = await new ProcessRunner().RunAsync(Shell("sleep 30 & wait", TimeSpan.FromMilliseconds(200)), CancellationToken.None);

        Assert.That(result.TimedOut, Is.True);
        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void Cancellation_kills_the_process_and_throws()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.CatchAsync<OperationCanceledException>(() => new ProcessRunner().RunAsync(Shell("sleep 30 & wait", TimeSpan.FromMinutes(1)), cts.Token));
    }
}
