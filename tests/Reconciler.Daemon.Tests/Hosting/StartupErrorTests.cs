using System.Net;
using System.Net.Sockets;

namespace Reconciler.Daemon.Tests.Hosting;

/// <summary>
/// Issue 4, story 8: <c>reconciler run</c> started wrongly says so in one line on stderr and exits 2, without a stack
/// trace. Runs the built binary as a child process with a clean environment (no AWS_*, HOME an empty folder).
/// </summary>
public sealed class StartupErrorTests
{
    private string home = "";
    private string manifests = "";

    [SetUp]
    public void CreateFolders()
    {
        home = Directory.CreateTempSubdirectory("reconciler-home-").FullName;
        manifests = Directory.CreateTempSubdirectory("reconciler-manifests-").FullName;
    }

    [TearDown]
    public void DeleteFolders()
    {
        Directory.Delete(home, recursive: true);
        Directory.Delete(manifests, recursive: true);
    }

    private static IEnumerable<TestCaseData> Mistakes()
    {
        yield return new TestCaseData(new[] { "run" }, "give exactly one desired-state source: --repo URL (git) or --manifests DIR")
            .SetName("run with neither --repo nor --manifests names both options");
        yield return new TestCaseData(new[] { "run", "--manifests", "{manifests}", "--resync", "soon" }, "'soon' is not a duration; write it like 30s, 5m or 1h")
            .SetName("run with a bad --resync value shows how to write a duration");
        yield return new TestCaseData(new[] { "run", "--manifests", "{manifests}", "--listen", "127.0.0.1:0" }, "no AWS credentials found")
            .SetName("run without --emulator and without AWS credentials says where it looked and suggests --emulator");
        yield return new TestCaseData(new[] { "run", "--manifests", "{manifests}", "--emulator", "--listen", "127.0.0.1:0", "--webhook-secret-file", "{empty}" },
                "--webhook-secret-file: file '{empty}' is empty")
            .SetName("run with an empty webhook secret file refuses to start instead of crashing");
        yield return new TestCaseData(new[] { "run", "--manifests", "{manifests}", "--emulator", "--listen", "127.0.0.1:0", "--api-token-file", "{empty}" },
                "--api-token-file: file '{empty}' is empty")
            .SetName("run with an empty API token file refuses to start");
        yield return new TestCaseData(new[] { "run", "--manifests", "{manifests}", "--emulator", "--listen", "127.0.0.1:0", "--status-requires-token" },
                "--status-requires-token needs --api-token-file FILE")
            .SetName("run requiring a token for status without a token file refuses to start");
        yield return new TestCaseData(new[] { "run", "--manifests", "{manifests}", "--emulator", "--listen", "{busy}" }, "the port is in use; choose another with --listen")
            .SetName("run on a port that is already in use says so and names --listen");
    }

    [TestCaseSource(nameof(Mistakes))]
    public async Task A_start_up_mistake_is_one_line_on_stderr_and_exit_code_2(string[] arguments, string expected)
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var empty = Path.Combine(home, "empty-secret");
        File.WriteAllText(empty, "\n");
        string Fill(string a) => a.Replace("{manifests}", manifests).Replace("{empty}", empty).Replace("{busy}", busy.LocalEndpoint.ToString());

        var (exit, stdout, stderr) = await ReconcilerBinary.RunAsync(home, arguments.Select(Fill).ToArray());
        expected = Fill(expected);

        Assert.That(exit, Is.EqualTo(2), stderr);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), stderr);
        Assert.That(lines[0], Does.StartWith("error: ").And.Contain(expected));
        Assert.That(stderr + stdout, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }
}
