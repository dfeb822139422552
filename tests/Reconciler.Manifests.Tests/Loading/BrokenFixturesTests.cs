using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Loading;

namespace Reconciler.Manifests.Tests.Loading;

/// <summary>Every committed broken manifest gives the right code at the right line, in words a person can act on.</summary>
public sealed class BrokenFixturesTests
{
    private static string Broken => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Broken");

    private static IEnumerable<TestCaseData> Cases()
    {
        (string File, string Code, int Line, string Phrase)[] table =
        [
            ("syntax-unclosed-bracket.yaml", "RC0001", 15, "unclosed"),
            ("tab-indentation.yaml", "RC0001", 7, "tab"),
            ("undefined-alias.yaml", "RC0001", 7, "&prod"),
            ("yaml-bomb.yaml", "RC0004", 12, "billion laughs"),
            ("python-object-tag.yaml", "RC0005", 14, "!!python/object"),
            ("custom-tag.yaml", "RC0005", 7, "!vault"),
            ("duplicate-key.yaml", "RC0006", 8, "keep only one 'cluster:'"),
            ("unknown-field.yaml", "RC0007", 18, "did you mean 'startPeriod'"),
            ("unknown-top-level-field.yaml", "RC0007", 5, "did you mean 'spec'"),
            ("wrong-type-desired-count.yaml", "RC0008", 8, "whole number"),
            ("wrong-type-containers-mapping.yaml", "RC0008", 13, "expected a list"),
            ("wrong-bool.yaml", "RC0008", 15, "true or false"),
            ("not-a-mapping.yaml", "RC0008", 1, "must be a mapping"),
            ("second-document-broken.yaml", "RC0008", 18, "text value"),
            ("missing-spec.yaml", "RC0009", 1, "'spec'"),
            ("missing-container-image.yaml", "RC0009", 13, "'image'"),
            ("wrong-api-version.yaml", "RC0010", 1, "use 'reconciler/v1alpha1'"),
            ("unknown-kind.yaml", "RC0011", 2, "did you mean 'EcsService'"),
            ("bad-duration-bare-number.yaml", "RC0012", 18, "write '60s'"),
            ("bad-duration-unit.yaml", "RC0012", 18, "30s, 5m, 1h30m"),
            ("secret-in-environment.yaml", "RC0013", 17, "`secrets:`"),
            ("ecs-secret-two-forms.yaml", "RC0014", 17, "exactly one of"),
            ("secret-as-plain-value.yaml", "RC0014", 17, "never the value"),
            ("invalid-name.yaml", "RC0020", 4, "DNS label"),
            ("negative-desired-count.yaml", "RC0021", 8, "0 or more"),
            ("port-out-of-range.yaml", "RC0021", 15, "between 1 and 65535"),
            ("maximum-percent-out-of-range.yaml", "RC0021", 20, "between 100 and 200"),
            ("cloudrun-image-and-containers.yaml", "RC0023", 6, "either 'image'"),
            ("cloudrun-probe-two-handlers.yaml", "RC0024", 11, "exactly one of httpGet"),
            ("cloudrun-traffic-sum.yaml", "RC0025", 13, "add up to 100"),
            ("duplicate-container-name.yaml", "RC0026", 19, "unique"),
            ("unknown-load-balancer-container.yaml", "RC0027", 21, "use one of web"),
            ("grace-period-without-load-balancer.yaml", "RC0030", 20, "add spec.service.loadBalancers"),
            ("health-check-command-form.yaml", "RC0029", 17, "CMD-SHELL"),
        ];
        return table.Select(row => new TestCaseData(row.File, row.Code, row.Line, row.Phrase)
            .SetName($"{row.File} reports {row.Code} at line {row.Line}"));
    }

    [TestCaseSource(nameof(Cases))]
    public void A_broken_file_reports_the_code_at_its_line_with_a_human_message(string file, string code, int line, string phrase)
    {
        var path = Path.Combine(Broken, file);

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadFile(path);

        Assert.That(result.Manifests, Is.Empty, "a file with errors yields no manifests");
        var match = result.Diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.That(match, Is.Not.Null, string.Join("\n", result.Diagnostics));
        Assert.Multiple(() =>
        {
            Assert.That(match!.Severity, Is.EqualTo(Severity.Error));
            Assert.That(match.Location.File, Is.EqualTo(path));
            Assert.That(match.Location.Line, Is.EqualTo(line));
            Assert.That(match.Location.Column, Is.GreaterThan(0));
            Assert.That(match.Message, Does.Contain(phrase));
            Assert.That(match.ToString(), Does.StartWith($"{path}:{line}:"));
        });
        AssertHuman(result.Diagnostics);
    }

    [Test]
    public void The_broken_folder_holds_at_least_25_fixtures_and_the_table_covers_each()
    {
        var files = Directory.GetFiles(Broken, "*.yaml").Select(Path.GetFileName).ToList();
        var covered = Cases().Select(c => (string)c.Arguments[0]!).ToList();

        Assert.That(files, Has.Count.GreaterThanOrEqualTo(25));
        Assert.That(files, Is.EquivalentTo(covered));
    }

    [Test]
    public void A_secret_given_as_a_plain_value_is_never_echoed()
    {
        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadFile(Path.Combine(Broken, "secret-as-plain-value.yaml"));

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.None.Contains("hunter2"));
    }

    [Test]
    public void The_same_kind_and_name_in_two_files_is_rejected_in_the_second_file_only()
    {
        var folder = Path.Combine(Broken, "duplicate-across-files");

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadDirectory(folder);

        var (first, second) = (result.Files.Single(f => f.Path.EndsWith("a.yaml")), result.Files.Single(f => f.Path.EndsWith("b.yaml")));
        Assert.Multiple(() =>
        {
            Assert.That(first.HasErrors, Is.False);
            Assert.That(first.Manifests, Has.Count.EqualTo(1));
            Assert.That(second.Manifests, Is.Empty);
            var error = second.Diagnostics.Single();
            Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.DuplicateResource));
            Assert.That(error.Location.Line, Is.EqualTo(2), "the second file's document starts after its comment");
            Assert.That(error.Message, Does.Contain("EcsService/web").And.Contain("a.yaml:1:1"));
            Assert.That(result.Manifests, Has.Count.EqualTo(1));
        });
    }

    internal static void AssertHuman(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var text in diagnostics.Select(d => d.ToString()))
        {
            Assert.That(text, Does.Not.Contain("Exception").And.Not.Contain("   at ").And.Not.Contain("YamlDotNet"));
        }
    }
}
