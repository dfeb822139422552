using System.CommandLine;
using System.Text.Json;
using Reconciler.Daemon.Commands;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary><c>reconciler validate</c>: compiler-like output, exit codes, JSON output and the size option.</summary>
public sealed class ValidateCommandTests
{
    private const string Risky = """
        apiVersion: reconciler/v1alpha1
        kind: EcsService
        metadata: {name: web}
        spec:
          region: eu-west-3
          cluster: prod
          taskDefinition:
            family: web
            containers:
              - name: web
                image: repo/web:latest
                environment: {DB_PASSWORD: hunter2-value}

        """;

    private string dir = "";

    [SetUp]
    public void CreateDir() => dir = Directory.CreateTempSubdirectory("reconciler-validate-").FullName;

    [TearDown]
    public void DeleteDir() => Directory.Delete(dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(string[] paths, bool strict = false, string output = "text", long? max = null)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = ValidateCommand.Run(paths, strict, output, stdout, stderr, max);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void The_examples_validate_clean_with_exit_0()
    {
        var (exit, output, _) = Run([RepoPaths.Examples]);

        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output.Trim(), Is.EqualTo("3 files, 4 manifests valid: 0 errors, 0 warnings"));
    }

    [Test]
    public void Errors_print_like_a_compiler_and_exit_1()
    {
        var path = Write("bad.yaml", Risky.Replace("cluster: prod", "cluster: prod\n  desiredCount: lots"));

        var (exit, output, _) = Run([path]);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"{path}:7:17: error RC0008: expected a whole number"));
        Assert.That(output, Does.Contain("1 file, 0 manifests valid: 1 error, 0 warnings"));
    }

    [Test]
    public void Warnings_are_printed_but_exit_0_and_never_show_the_secret()
    {
        var path = Write("risky.yaml", Risky);

        var (exit, output, _) = Run([path]);

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output, Does.Contain("warning RC1003").And.Contain("warning RC1007"));
        Assert.That(output, Does.Not.Contain("hunter2-value"));
    }

    [Test]
    public void Strict_mode_fails_on_warnings()
    {
        var (exit, _, _) = Run([Write("risky.yaml", Risky)], strict: true);

        Assert.That(exit, Is.EqualTo(1));
    }

    [Test]
    public void Json_output_lists_each_diagnostic_with_its_position_and_the_totals()
    {
        var path = Write("risky.yaml", Risky);

        var (_, output, _) = Run([path], output: "json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var first = root.GetProperty("diagnostics")[0];
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("errors").GetInt32(), Is.EqualTo(0));
            Assert.That(root.GetProperty("warnings").GetInt32(), Is.EqualTo(root.GetProperty("diagnostics").GetArrayLength()).And.GreaterThan(0));
            Assert.That(first.GetProperty("severity").GetString(), Is.EqualTo("warning"));
            Assert.That(first.GetProperty("file").GetString(), Is.EqualTo(path));
            Assert.That(first.GetProperty("line").GetInt32(), Is.GreaterThan(0));
            Assert.That(first.GetProperty("column").GetInt32(), Is.GreaterThan(0));
            Assert.That(first.GetProperty("code").GetString(), Does.StartWith("RC1"));
            Assert.That(first.TryGetProperty("message", out _) && first.TryGetProperty("field", out _), Is.True);
        });
    }

    [Test]
    public void Max_file_bytes_rejects_a_larger_file()
    {
        var (exit, output, _) = Run([Write("risky.yaml", Risky)], max: 64);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("error RC0002"));
    }

    [Test]
    public void A_folder_without_manifests_is_an_error_on_stderr()
    {
        var (exit, output, error) = Run([dir]);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("no manifest files"));
    }

    [Test]
    public void The_command_parses_its_arguments_and_options()
    {
        var path = Write("risky.yaml", Risky);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var root = new RootCommand { ValidateCommand.Create() };

        var exit = root.Parse(["validate", path, "--strict", "--output", "json", "--max-file-bytes", "100000"])
            .Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });

        Assert.That(exit, Is.EqualTo(1), stderr.ToString());
        Assert.That(JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("warnings").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public void An_unknown_output_format_is_refused_by_the_parser()
    {
        var root = new RootCommand { ValidateCommand.Create() };

        var result = root.Parse(["validate", dir, "--output", "xml"]);

        Assert.That(result.Errors, Is.Not.Empty);
    }
}
