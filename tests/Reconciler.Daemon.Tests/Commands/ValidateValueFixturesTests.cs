using System.Text.RegularExpressions;
using Reconciler.Daemon.Commands;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>
/// <c>reconciler validate</c> refuses every bad-value fixture of the manifest tests (values ECS or Cloud Run would
/// refuse at apply time) with the code and file:line its first line declares, and exits 1.
/// </summary>
public sealed partial class ValidateValueFixturesTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "Reconciler.Manifests.Tests", "Fixtures", "Broken", "Values");

    private static IEnumerable<TestCaseData> Fixtures() =>
        Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName($"validate refuses {Path.GetFileNameWithoutExtension(f)}"));

    [TestCaseSource(nameof(Fixtures))]
    public void Validate_refuses_the_fixture_with_its_code_at_its_line(string path)
    {
        var expect = Header().Match(File.ReadLines(path).First());
        Assert.That(expect.Success, Is.True, "the first line declares '# expect: RC0nnn line N \"phrase\"'");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = ValidateCommand.Run([path], strict: false, output: "text", stdout, stderr);

        var output = stdout.ToString();
        Assert.That(exit, Is.EqualTo(1), output);
        Assert.That(output, Does.Match($@"(?m)^{Regex.Escape(path)}:{expect.Groups[2].Value}:[0-9]+: error {expect.Groups[1].Value}: .*{Regex.Escape(expect.Groups[3].Value)}"));
        Assert.That(output, Does.Contain("0 manifests valid"));
    }

    [Test]
    public void There_are_at_least_40_fixtures()
    {
        Assert.That(Fixtures().Count(), Is.GreaterThanOrEqualTo(40));
    }

    [GeneratedRegex("^# expect: (RC[0-9]{4}) line ([0-9]+) \"(.*)\"$")]
    private static partial Regex Header();
}
