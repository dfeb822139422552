using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reconciler.Daemon.Hosting;
using Reconciler.Emulator.Hosting;
using Reconciler.Manifests.Loading;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// Issue 9, item 2. There is no Docker engine here, so what the image build does is repeated: the context that
/// .dockerignore lets through is copied, the Dockerfile's own `dotnet publish` runs in it, and the entrypoint it
/// names runs from the output. The Dockerfile's run-time settings (non-root user, HOME on a volume) are read.
/// </summary>
public sealed partial class ContainerImageTests
{
    private static string Dockerfile => File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"));

    private string scratch = "";
    private string app = "";
    private ToolResult publish = null!;

    [OneTimeSetUp]
    public async Task PublishAsTheDockerfileDoes()
    {
        scratch = Directory.CreateTempSubdirectory("reconciler-image-").FullName;
        var context = Path.Combine(scratch, "context");
        app = Path.Combine(scratch, "app");
        DockerContext.CopyTo(context);
        var run = PublishPattern().Match(Dockerfile);
        Assert.That(run.Success, Is.True, "the Dockerfile has no `RUN dotnet publish ... -o /app` line");
        var arguments = run.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a == "/app" ? app : a).ToArray();
        publish = await ToolRun.RunAsync(DeploymentTools.Dotnet, ["publish", .. arguments], timeout: TimeSpan.FromMinutes(10),
            environment: new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            workingDirectory: context);
    }

    [OneTimeTearDown]
    public void DeleteScratch() => Directory.Delete(scratch, recursive: true);

    [Test]
    public void The_context_leaves_out_git_build_output_tests_and_local_tools()
    {
        foreach (var path in new[] { ".git", "src/Reconciler.Daemon/bin/Debug/x.dll", "src/Reconciler.Core/obj/project.assets.json", "tests/Reconciler.Core.Tests/A.cs", ".tools/bin/helm" })
        {
            Assert.That(DockerContext.Excludes(path), Is.True, $"{path} would be sent to the image build");
        }
        Assert.That(DockerContext.Excludes("src/Reconciler.Daemon/Program.cs"), Is.False);
        Assert.That(DockerContext.Excludes("Directory.Packages.props"), Is.False);
    }

    [Test]
    public void The_publish_the_Dockerfile_runs_succeeds_from_that_context_alone()
    {
        Assert.That(publish.Exit, Is.EqualTo(0), publish.Output);
    }

    [Test]
    public async Task The_entrypoint_is_the_reconciler_apphost_and_answers_help()
    {
        var entrypoint = EntrypointPattern().Match(Dockerfile).Groups[1].Value;
        Assert.That(entrypoint, Is.EqualTo("/app/reconciler"));
        var file = Path.Combine(app, Path.GetFileName(entrypoint));
        Assert.That(File.Exists(file), Is.True, publish.Output);
        Assert.That(OperatingSystem.IsWindows() || File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserExecute), Is.True);

        var help = await RunPublished(file, "--help");

        Assert.That(help.Exit, Is.EqualTo(0), help.Output);
        Assert.That(help.Stdout, Does.Contain("validate").And.Contain("run"));
    }

    [Test]
    public async Task The_published_reconciler_validates_the_example_manifests()
    {
        var validate = await RunPublished(Path.Combine(app, "reconciler"), "validate", RepoPaths.Examples);

        Assert.That(validate.Exit, Is.EqualTo(0), validate.Output);
    }

    /// <summary>
    /// The image's binary (Native AOT) doing the daemon's job: <c>run</c> on the examples (ECS and Cloud Run) against
    /// the emulator (as the benchmark runs it: AWS_ENDPOINT_URL, CLOUD_RUN_ENDPOINT), until every resource is Synced
    /// and Healthy. It covers what reflection-free JSON, trimming and AOT could break that <c>validate</c> does not
    /// reach: the ECS and Cloud Run wire formats, SSM through the AWS SDK, Kestrel, the status document, the scrape.
    /// </summary>
    [Test]
    public async Task The_published_reconciler_runs_the_examples_to_Synced_and_Healthy_on_both_clouds()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Speed = 60 });
        EmulatorSeed.Seed(emulator.State, new ManifestLoader().LoadPaths([RepoPaths.Examples]).Manifests);
        var port = FreePort();
        var home = Directory.CreateDirectory(Path.Combine(scratch, "run-home")).FullName;
        var start = new ProcessStartInfo(Path.Combine(app, "reconciler"),
            ["run", "--manifests", RepoPaths.Examples, "--listen", $"127.0.0.1:{port}", "--resync", "30s", "--work-dir", Path.Combine(home, "work")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = app,
        };
        start.Environment.Clear();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin", ["HOME"] = home, ["TMPDIR"] = home,
            ["AWS_ENDPOINT_URL"] = emulator.BaseUri.ToString(), ["CLOUD_RUN_ENDPOINT"] = emulator.BaseUri.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "AKIAEMULATOR", ["AWS_SECRET_ACCESS_KEY"] = "emulator-secret", ["AWS_EC2_METADATA_DISABLED"] = "true",
        })
        {
            start.Environment[key] = value;
        }
        using var daemon = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        daemon.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        daemon.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = Stopwatch.StartNew();
            var last = "";
            while (deadline.Elapsed < TimeSpan.FromMinutes(4) && !daemon.HasExited)
            {
                last = await StatusAsync(http);
                if (last.Split('\n').Count(l => l.EndsWith(" Synced Healthy", StringComparison.Ordinal)) == 4)
                {
                    break;
                }
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            string Context() { lock (output) return $"status:\n{last}\ndaemon output (tail):\n{Tail(output.ToString())}"; }
            Assert.That(daemon.HasExited, Is.False, Context());
            Assert.That(last.Split('\n').Where(l => l.Length > 0), Has.Exactly(4).EndsWith(" Synced Healthy"), Context());
            Assert.That(last, Does.Contain("CloudRunService/emergence-app").And.Contain("EcsService/plan-charge-prod-backend"), Context());
            var metrics = await http.GetStringAsync("metrics");
            Assert.That(metrics, Does.Contain("reconciler_resource_synced{"), "the Prometheus scrape");
            Assert.That(metrics, Does.Contain("reconciler_cloud_api_requests_total{"), "the Prometheus scrape");
        }
        finally
        {
            daemon.Kill(entireProcessTree: true);
            await daemon.WaitForExitAsync();
        }
    }

    /// <summary>One line per resource: "Kind/name Sync Health", or "" while the daemon does not answer yet.</summary>
    private static async Task<string> StatusAsync(HttpClient http)
    {
        try
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("status"));
            return string.Join("\n", doc.RootElement.GetProperty("resources").EnumerateArray()
                .Select(r => $"{r.GetProperty("kind").GetString()}/{r.GetProperty("name").GetString()} {r.GetProperty("sync").GetString()} {r.GetProperty("health").GetString()}")
                .Order(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return "";
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Test]
    public void The_image_runs_as_uid_10001_with_HOME_and_the_work_dir_on_volumes()
    {
        var user = UserPattern().Matches(Dockerfile).Select(m => m.Groups[1].Value).LastOrDefault();

        Assert.That(user, Is.EqualTo("10001:10001"), "the last USER must be the numeric non-root uid the chart runs as");
        Assert.That(Dockerfile, Does.Contain("HOME=/tmp").And.Contain("RECONCILER_WORKDIR=/var/lib/reconciler"));
        Assert.That(Dockerfile, Does.Contain("VOLUME [\"/tmp\", \"/var/lib/reconciler\"]"));
        Assert.That(Dockerfile, Does.Match(@"apt-get install [^\n]*\bgit\b[^\n]*\bopenssh-client\b"));
    }

    /// <summary>Runs the published binary with only PATH and a throw-away HOME/TMPDIR, as the image would.</summary>
    private async Task<ToolResult> RunPublished(string file, params string[] arguments)
    {
        var home = Directory.CreateDirectory(Path.Combine(scratch, "home")).FullName;
        return await ToolRun.RunAsync(file, arguments, workingDirectory: app, environment: new Dictionary<string, string>
        {
            ["HOME"] = home, ["TMPDIR"] = home, ["AWS_EC2_METADATA_DISABLED"] = "true",
            // The apphost finds the runtime through DOTNET_ROOT where it is not installed system-wide.
            ["DOTNET_ROOT"] = Path.GetDirectoryName(new FileInfo(DeploymentTools.Dotnet).ResolveLinkTarget(true)?.FullName ?? DeploymentTools.Dotnet)!,
        });
    }

    [GeneratedRegex(@"^RUN dotnet publish (?<args>[^\n\\&]+)$", RegexOptions.Multiline)]
    private static partial Regex PublishPattern();

    [GeneratedRegex(@"^ENTRYPOINT \[""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex EntrypointPattern();

    [GeneratedRegex(@"^USER (\S+)$", RegexOptions.Multiline)]
    private static partial Regex UserPattern();
}
