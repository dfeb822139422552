namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// Issue 9, item 1: every object <c>helm template</c> renders passes Kubernetes' schemas offline
/// (charts/tests/validate.mjs), and the validator itself refuses what the API server would refuse.
/// </summary>
public sealed class ChartValidationTests
{
    [Test]
    public async Task The_minimal_install_renders_valid_workload_service_account_services_budget_and_network_policy()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("minimal-values.yaml"));

        Assert.That(rendered.All.Select(o => $"{o["kind"]}/{o["metadata"]!["name"]}"), Is.EquivalentTo(new[]
        {
            "StatefulSet/rc-reconciler", "ServiceAccount/rc-reconciler", "Service/rc-reconciler", "Service/rc-reconciler-headless",
            "PodDisruptionBudget/rc-reconciler", "NetworkPolicy/rc-reconciler",
        }));
        Assert.That(rendered.All.Select(o => (string?)o["metadata"]!["namespace"]), Is.All.EqualTo("platform"));
    }

    [Test]
    public async Task The_full_install_adds_a_valid_ServiceMonitor_and_PrometheusRule()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));

        Assert.That(rendered.OfKind("ServiceMonitor").Count(), Is.EqualTo(1), rendered.Kinds);
        Assert.That(rendered.OfKind("PrometheusRule").Count(), Is.EqualTo(1), rendered.Kinds);
        Assert.That(rendered.All, Has.Count.EqualTo(8), rendered.Kinds);
    }

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return new TestCaseData(Pod("securityContxt: {}"), "spec.containers[0].securityContxt: unknown field")
            .SetName("the validator refuses a misspelt field the API server would refuse");
        yield return new TestCaseData(Pod("resources: {limits: {memory: lots}}"), "resources/limits/memory must match format \"quantity\"")
            .SetName("the validator refuses a quantity that is not one");
        yield return new TestCaseData("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n", "no schema for example.com/v1 Widget")
            .SetName("the validator refuses a kind it has no schema for instead of passing it");
        yield return new TestCaseData(
                "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: r}\nspec:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: ''\n",
                "spec.groups[0].rules[0].expr is missing")
            .SetName("the validator refuses an alert rule without an expression");
        yield return new TestCaseData(
                "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec:\n  endpoints: [{port: http}]\n",
                "must have required property selector")
            .SetName("the validator refuses a ServiceMonitor without a selector");
    }

    [TestCaseSource(nameof(Invalid))]
    public async Task An_invalid_object_fails_the_validation_and_is_named(string yaml, string expected)
    {
        var validation = await Chart.ValidateAsync(yaml);

        Assert.That(validation.Exit, Is.EqualTo(1), validation.Output);
        Assert.That(validation.Stderr, Does.Contain(expected));
    }

    private static string Pod(string containerField) =>
        $"apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n    - name: c\n      image: i\n      {containerField}\n";
}
