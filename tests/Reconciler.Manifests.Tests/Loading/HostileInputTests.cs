using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Loading;

namespace Reconciler.Manifests.Tests.Loading;

/// <summary>Inputs meant to exhaust memory, stack or time fail fast with one clear error (large ones are generated here).</summary>
public sealed class HostileInputTests
{
    [Test, CancelAfter(30_000)]
    public void A_yaml_bomb_fails_with_the_node_limit_instead_of_expanding()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Broken", "yaml-bomb.yaml");

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadFile(path);

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.TooManyNodes }));
    }

    [Test, CancelAfter(30_000)]
    public void Fifty_thousand_nested_brackets_fail_with_the_depth_limit_not_a_stack_overflow()
    {
        using var dir = new TempDir();
        var path = dir.Write("deep.yaml", "spec: " + new string('[', 50_000) + new string(']', 50_000) + "\n");

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadFile(path);

        var error = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.NestingTooDeep));
            Assert.That(error.Location.Line, Is.EqualTo(1));
            Assert.That(error.Message, Does.Contain("64 levels"));
        });
    }

    [Test]
    public void A_five_megabyte_file_is_rejected_by_size()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(5 * 1024 * 1024);
        }

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadFile(path);

        var error = result.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.FileTooLarge));
        Assert.That(error.Message, Does.Contain("5242880 bytes").And.Contain("split it"));
        Assert.That(error.ToString(), Does.StartWith($"{path}: error RC0002: "));
    }

    [Test]
    public void The_size_limit_is_an_option()
    {
        var result = ManifestYaml.Load(ManifestYaml.Ecs, ManifestLoaderOptions.Default with { MaxFileBytes = 100 });

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.FileTooLarge));
    }

    [Test]
    public void Aliases_within_the_node_limit_are_expanded()
    {
        var yaml = ManifestYaml.Ecs
            .With("metadata:\n  name: web", "metadata:\n  name: web\n  labels: &labels {team: a}\n  annotations: *labels");

        var result = ManifestYaml.Load(yaml);

        Assert.That(result.HasErrors, Is.False, string.Join("\n", result.Diagnostics));
        Assert.That(result.Manifests.Single().Metadata.Annotations!["team"], Is.EqualTo("a"));
    }

    [Test]
    public void A_missing_path_is_a_diagnostic_not_an_exception()
    {
        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadPaths(["/nonexistent/reconciler/manifests.yaml"]);

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.FileUnreadable));
    }
}
