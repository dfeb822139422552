using System.Text.RegularExpressions;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// Issue 10, item 4: the alert rules load in Prometheus (<c>promtool check rules</c>), and the unit tests in
/// deploy/prometheus/tests fire each alert on synthetic series and stay silent on healthy ones.
/// </summary>
public sealed partial class AlertRulesTests
{
    private static readonly string[] Alerts =
    [
        "ReconcilerOutOfSync", "ReconcilerRollback", "ReconcilerRolloutStuck",
        "ReconcilerCloudThrottled", "ReconcilerSourceStale", "ReconcilerReconcileErrors",
    ];

    private static string TestsDir => Path.Combine(RepoPaths.Root, "deploy", "prometheus", "tests");

    [Test]
    public async Task Promtool_check_rules_accepts_the_six_alerts()
    {
        var check = await ToolRun.RunAsync(DeploymentTools.Promtool, ["check", "rules", PrometheusObjectsTests.AlertsFile]);

        Assert.That(check.Exit, Is.EqualTo(0), check.Output);
        Assert.That(check.Stdout, Does.Contain("SUCCESS: 6 rules found"));
        Assert.That(AlertPattern().Matches(File.ReadAllText(PrometheusObjectsTests.AlertsFile)).Select(m => m.Groups[1].Value), Is.EqualTo(Alerts));
    }

    private static IEnumerable<TestCaseData> RuleTests() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "prometheus", "tests"), "*.yaml").Order()
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"promtool test rules passes {Path.GetFileName(f)}"));

    [TestCaseSource(nameof(RuleTests))]
    public async Task Promtool_test_rules_passes(string file)
    {
        var test = await ToolRun.RunAsync(DeploymentTools.Promtool, ["test", "rules", file], workingDirectory: TestsDir);

        Assert.That(test.Exit, Is.EqualTo(0), test.Output);
        Assert.That(test.Stdout + test.Stderr, Does.Contain("SUCCESS"));
    }

    [TestCaseSource(nameof(Alerts))]
    public void Every_alert_has_a_test_where_it_fires_and_one_where_it_stays_silent(string alert)
    {
        var tests = Directory.GetFiles(TestsDir, "*.yaml").Select(File.ReadAllText).Where(t => t.Contains($"alertname: {alert}\n", StringComparison.Ordinal)).ToList();
        var cases = tests.SelectMany(t => CasePattern().Matches(t)).Where(m => m.Groups["alert"].Value == alert).ToList();

        Assert.That(cases.Any(c => c.Groups["expected"].Value.Trim() == "[]"), Is.True, $"no test expects {alert} to stay silent");
        Assert.That(cases.Any(c => c.Groups["expected"].Value.Trim() != "[]"), Is.True, $"no test expects {alert} to fire");
    }

    [GeneratedRegex(@"- alert: (\w+)")]
    private static partial Regex AlertPattern();

    [GeneratedRegex(@"alertname: (?<alert>\w+)\n\s+exp_alerts:(?<expected>.*)")]
    private static partial Regex CasePattern();
}
