using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>The chart's plain YAML (values, Chart.yaml, ci values) and everything under deploy/ pass yamllint with deploy/yamllint.yaml.</summary>
public sealed class YamlLintTests
{
    [Test]
    public async Task The_chart_values_and_the_deploy_files_pass_yamllint_strictly()
    {
        var chart = Path.Combine("charts", "reconciler");
        var lint = await ToolRun.RunAsync(DeploymentTools.Yamllint,
        [
            "--strict", "--format", "parsable", "-c", Path.Combine("deploy", "yamllint.yaml"),
            Path.Combine(chart, "values.yaml"), Path.Combine(chart, "Chart.yaml"), Path.Combine(chart, "ci"), "deploy",
        ]);

        Assert.That(lint.Exit, Is.EqualTo(0), lint.Output);
        Assert.That(Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy"), "*.yaml", SearchOption.AllDirectories), Has.Length.GreaterThan(6));
    }
}
