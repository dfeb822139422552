using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Loading;

namespace Reconciler.Manifests.Tests.Loading;

/// <summary>File discovery, per-file results and duplicate names.</summary>
public sealed class LoaderTests
{
    [Test]
    public void A_folder_is_searched_recursively_for_yaml_and_yml_files_but_not_hidden_ones()
    {
        using var dir = new TempDir();
        dir.Write("a/web.yaml", ManifestYaml.Ecs);
        dir.Write("b/c/app.yml", ManifestYaml.CloudRun);
        dir.Write("README.md", "not yaml");
        dir.Write(".github/workflows/ci.yml", "on: push\n");

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadDirectory(dir.Path);

        Assert.That(result.Files.Select(f => Path.GetFileName(f.Path)), Is.EqualTo(new[] { "web.yaml", "app.yml" }));
        Assert.That(result.Manifests, Has.Count.EqualTo(2));
        Assert.That(result.HasErrors, Is.False);
    }

    [Test]
    public void One_broken_file_keeps_its_errors_to_itself_and_the_others_still_load()
    {
        using var dir = new TempDir();
        dir.Write("good.yaml", ManifestYaml.Ecs);
        var bad = dir.Write("bad.yaml", ManifestYaml.CloudRun.With("region: europe-west1", "region: [x"));

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadPaths([dir.Path, bad]);

        Assert.That(result.Files, Has.Count.EqualTo(2), "a file named twice is loaded once");
        Assert.That(result.Files.Single(f => f.Path == bad).HasErrors, Is.True);
        Assert.That(result.Manifests.Single().Metadata.Name, Is.EqualTo("web"));
    }

    [Test]
    public void The_same_name_twice_in_one_file_is_a_duplicate()
    {
        var result = ManifestYaml.Load(ManifestYaml.Ecs + "---\n" + ManifestYaml.Ecs);

        var error = result.Diagnostics.Single();
        Assert.That((error.Code, error.Location.Line), Is.EqualTo((DiagnosticCodes.DuplicateResource, 20)));
        Assert.That(result.Manifests, Is.Empty);
    }

    [Test]
    public void A_rejected_file_does_not_claim_its_other_names()
    {
        using var dir = new TempDir();
        dir.Write("1.yaml", ManifestYaml.Ecs);
        dir.Write("2.yaml", ManifestYaml.Ecs + "---\n" + ManifestYaml.CloudRun);
        dir.Write("3.yaml", ManifestYaml.CloudRun);

        var result = new ManifestLoader().LoadDirectory(dir.Path);

        Assert.That(result.Files.Select(f => f.HasErrors), Is.EqualTo(new[] { false, true, false }));
        Assert.That(result.Manifests.Select(m => m.Key.ToString()), Is.EqualTo(new[] { "EcsService/web", "CloudRunService/app" }));
    }

    [Test]
    public void Text_in_memory_loads_like_a_file_and_is_named_by_the_given_path()
    {
        var loader = new ManifestLoader(ManifestLoaderOptions.Default with { MaxFileBytes = 2000 });

        var good = loader.LoadText("git:abc123/web.yaml", ManifestYaml.Ecs);
        var bad = loader.LoadText("git:abc123/web.yaml", ManifestYaml.Ecs.With("desiredCount: 2", "desiredCount: x"));
        var big = loader.LoadText("git:abc123/big.yaml", new string('#', 2001));

        Assert.That(good.Manifests.Single().Source.File, Is.EqualTo("git:abc123/web.yaml"));
        Assert.That(bad.Diagnostics.Single().ToString(), Does.StartWith("git:abc123/web.yaml:8:17: error RC0008"));
        Assert.That(big.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.FileTooLarge));
    }
}
