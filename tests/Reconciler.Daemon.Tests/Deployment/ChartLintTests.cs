namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>Issue 9, item 1: <c>helm lint</c> passes on the chart's values files and the values schema refuses mistakes with a clear line.</summary>
public sealed class ChartLintTests
{
    [TestCase("minimal-values.yaml", TestName = "helm lint passes with the minimal values (one replica, nothing optional)")]
    [TestCase("full-values.yaml", TestName = "helm lint passes with every option on (three shards, Prometheus objects, secrets)")]
    public async Task Helm_lint_passes(string values)
    {
        var lint = await Chart.LintAsync("-f", Chart.CiValues(values));

        Assert.That(lint.Exit, Is.EqualTo(0), lint.Output);
        Assert.That(lint.Stdout, Does.Contain("1 chart(s) linted, 0 chart(s) failed"));
    }

    [Test]
    public async Task Rendering_with_the_default_values_stops_and_asks_for_the_repository()
    {
        var template = await Chart.TemplateAsync();

        Assert.That(template.Exit, Is.Not.EqualTo(0), template.Output);
        Assert.That(template.Stderr, Does.Contain("source.repo is required: the git repository holding the manifests"));
    }

    private static IEnumerable<TestCaseData> Mistakes()
    {
        yield return new TestCaseData(new[] { "--set", "replcas=3" }, "Additional property replcas is not allowed")
            .SetName("a misspelt values key is refused by the schema");
        yield return new TestCaseData(new[] { "--set", "source.repo=https://ghp_secret@git.example.com/ops/manifests.git" }, "source.repo: Does not match pattern")
            .SetName("a token written into the repository URL is refused by the schema");
        yield return new TestCaseData(new[] { "--set", "replicas=0" }, "replicas: Must be greater than or equal to 1")
            .SetName("zero replicas are refused by the schema");
        yield return new TestCaseData(new[] { "--set", "daemon.resync=soon" }, "daemon.resync: Does not match pattern")
            .SetName("a resync that is not a duration is refused by the schema");
        yield return new TestCaseData(new[] { "--set", "replicas=3", "--set", "sharding.enabled=false" }, "replicas > 1 needs sharding.enabled")
            .SetName("several replicas without sharding are refused: both would write every service");
    }

    [TestCaseSource(nameof(Mistakes))]
    public async Task A_values_mistake_stops_the_render_with_a_clear_message(string[] sets, string expected)
    {
        var template = await Chart.TemplateAsync(["-f", Chart.CiValues("minimal-values.yaml"), .. sets]);

        Assert.That(template.Exit, Is.Not.EqualTo(0), template.Output);
        Assert.That(template.Stderr, Does.Contain(expected));
    }
}
