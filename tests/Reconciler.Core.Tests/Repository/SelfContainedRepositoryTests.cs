using System.Text.RegularExpressions;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Repository;

/// <summary>
/// Issue 7: the project must pass its own tests from its own files. A user who clones the repository has no
/// sibling folders (no shared folder beside the clone), so no test, project or CI file may reach above the repository root.
/// </summary>
public sealed class SelfContainedRepositoryTests
{
    private static readonly string[] Extensions = [".cs", ".csproj", ".props", ".targets", ".sln", ".json", ".sh", ".yaml", ".yml"];

    // A relative climb into the sibling shared folder, with either separator, or as Path.Combine segments.
    private static readonly Regex SharedReference = new(@"\.\.[/\\]shared\b|""\.\.""\s*,\s*""shared""", RegexOptions.Compiled);

    [Test]
    public void No_test_project_or_CI_file_refers_to_the_shared_folder_beside_the_repository()
    {
        var offenders = ScannedFiles()
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => SharedReference.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.That(offenders, Is.Empty, "files that read outside the repository (copy what they need into it)");
    }

    [Test]
    public void No_relative_path_in_a_project_file_climbs_above_the_repository_root()
    {
        var offenders = new List<string>();
        foreach (var file in ScannedFiles().Where(f => f.EndsWith(".csproj") || f.EndsWith(".props") || f.EndsWith(".targets")))
        {
            var dir = Path.GetDirectoryName(file)!;
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"(?:Include|Project|Path)=""([^""]*\.\.[^""]*)"""))
            {
                var target = Path.GetFullPath(Path.Combine(dir, m.Groups[1].Value.Replace('\\', '/')));
                if (!target.StartsWith(RepoPaths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {m.Groups[1].Value}");
                }
            }
        }

        Assert.That(offenders, Is.Empty, "project references that leave the repository");
    }

    [Test]
    public void The_vendored_API_specs_are_inside_the_repository_with_their_provenance()
    {
        Assert.Multiple(() =>
        {
            foreach (var spec in new[] { RepoPaths.EcsModel, RepoPaths.EcsWaiters, RepoPaths.SsmModel, RepoPaths.CloudRunDiscovery })
            {
                Assert.That(spec, Does.StartWith(RepoPaths.Root), spec);
                Assert.That(File.Exists(spec), Is.True, spec);
                Assert.That(File.ReadAllText(Path.Combine(RepoPaths.Specs, "SOURCE.md")), Does.Contain(Path.GetFileName(spec)));
            }
        });
    }

    private static IEnumerable<string> ScannedFiles()
    {
        var roots = new[] { "src", "tests", ".ci", "bench" }.Select(d => Path.Combine(RepoPaths.Root, d)).Where(Directory.Exists);
        var top = Directory.EnumerateFiles(RepoPaths.Root).Where(f => Extensions.Contains(Path.GetExtension(f)));
        return top.Concat(roots.SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories)))
            .Where(f => !IsBuildOutput(f) && !f.Contains($"{Path.DirectorySeparatorChar}specs{Path.DirectorySeparatorChar}"))
            .Where(f => Extensions.Contains(Path.GetExtension(f)) || Path.GetFileName(f) == "run")
            .Where(f => !f.EndsWith(nameof(SelfContainedRepositoryTests) + ".cs", StringComparison.Ordinal));
    }

    private static bool IsBuildOutput(string path)
    {
        var sep = Path.DirectorySeparatorChar;
        return path.Contains($"{sep}bin{sep}") || path.Contains($"{sep}obj{sep}") || path.Contains($"{sep}node_modules{sep}");
    }
}
