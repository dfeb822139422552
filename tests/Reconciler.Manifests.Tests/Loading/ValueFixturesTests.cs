using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Loading;

namespace Reconciler.Manifests.Tests.Loading;

/// <summary>
/// Every value a cloud would refuse at apply time is refused offline: each fixture in Fixtures/Broken/Values gives
/// its declared code at its declared line, as an error, and the file yields no manifest.
/// </summary>
public sealed class ValueFixturesTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        ValueFixture.All().Select(f => new TestCaseData(f.Path).SetName($"{f.Name} is refused with {f.Code} at line {f.Line}"));

    [TestCaseSource(nameof(Cases))]
    public void A_value_the_cloud_would_refuse_is_an_error_at_its_line(string path)
    {
        var fixture = ValueFixture.Read(path);

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadFile(path);

        Assert.That(result.Manifests, Is.Empty, "a file with errors yields no manifests");
        var match = result.Diagnostics.FirstOrDefault(d => d.Code == fixture.Code);
        Assert.That(match, Is.Not.Null, string.Join("\n", result.Diagnostics));
        Assert.Multiple(() =>
        {
            Assert.That(match!.Severity, Is.EqualTo(Severity.Error));
            Assert.That(match.Location.Line, Is.EqualTo(fixture.Line), match.ToString());
            Assert.That(match.Location.Column, Is.GreaterThan(0));
            Assert.That(match.FieldPath, Does.StartWith("spec").Or.StartWith("metadata"));
            Assert.That(match.Message, Does.Contain(fixture.Phrase), match.ToString());
            Assert.That(match.ToString(), Does.StartWith($"{path}:{fixture.Line}:"));
        });
        BrokenFixturesTests.AssertHuman(result.Diagnostics);
    }

    [Test]
    public void There_are_at_least_40_value_fixtures_and_they_cover_every_new_rule()
    {
        var codes = ValueFixture.All().Select(f => f.Code).ToHashSet();
        string[] rules =
        [
            DiagnosticCodes.InvalidName, DiagnosticCodes.OutOfRange, DiagnosticCodes.InvalidChoice, DiagnosticCodes.UnknownContainerRef,
            DiagnosticCodes.EcsSizeFormat, DiagnosticCodes.ContainerExceedsTask, DiagnosticCodes.FargateSize, DiagnosticCodes.FargateRequirements,
            DiagnosticCodes.AwsvpcNetwork, DiagnosticCodes.EnvironmentName, DiagnosticCodes.InvalidTag, DiagnosticCodes.ReservedTagKey,
            DiagnosticCodes.InvalidImage, DiagnosticCodes.CloudRunResourceFormat, DiagnosticCodes.CloudRunCpuMemory,
            DiagnosticCodes.ProbeTimeoutOverPeriod, DiagnosticCodes.TrafficLatestTwice, DiagnosticCodes.InvalidLabel, DiagnosticCodes.HostPortMismatch, DiagnosticCodes.IngressContainer,
        ];

        Assert.That(ValueFixture.All(), Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(codes, Is.SupersetOf(rules));
    }

    [TestCase("ecs-task-cpu-lots", "RC0031")]
    [TestCase("ecs-task-memory-negative", "RC0031")]
    [TestCase("image-empty", "RC0039")]
    [TestCase("image-with-a-space", "RC0039")]
    [TestCase("fargate-awsvpc-without-network-configuration", "RC0035")]
    public void The_cases_measured_in_issue_7_now_fail(string name, string code)
    {
        var path = Path.Combine(ValueFixture.Folder, name + ".yaml");

        var result = new ManifestLoader(ManifestLoaderOptions.Default).LoadFile(path);

        Assert.That(result.Diagnostics.Where(d => d.IsError).Select(d => d.Code), Does.Contain(code));
        Assert.That(result.Diagnostics.Where(d => !d.IsError), Is.Empty, "an error, not a warning");
    }
}
