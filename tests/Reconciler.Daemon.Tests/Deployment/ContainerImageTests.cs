using System.Text.RegularExpressions;
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
