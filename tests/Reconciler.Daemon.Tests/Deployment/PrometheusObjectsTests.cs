using System.Text.Json.Nodes;
using Reconciler.Testing;
using YamlDotNet.Serialization;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// Issue 9 item 1 and issue 10 item 4: the ServiceMonitor and PrometheusRule are opt-in; the monitor scrapes the
/// chart's Service, and the PrometheusRule holds exactly the rules of deploy/prometheus/reconciler-alerts.yaml.
/// </summary>
public sealed class PrometheusObjectsTests
{
    public static string AlertsFile => Path.Combine(RepoPaths.Root, "deploy", "prometheus", "reconciler-alerts.yaml");

    [Test]
    public async Task Neither_object_is_rendered_unless_asked_for_because_their_CRDs_may_be_missing()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("minimal-values.yaml"));

        Assert.That(rendered.OfKind("ServiceMonitor").Concat(rendered.OfKind("PrometheusRule")), Is.Empty);
    }

    [Test]
    public async Task The_ServiceMonitor_scrapes_metrics_on_the_http_port_of_the_charts_Service()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));
        var monitor = rendered.Single("ServiceMonitor");
        var service = rendered.Single("Service", "rc-reconciler");
        var endpoint = monitor["spec"]!["endpoints"]!.AsArray().Single()!;

        Assert.That(JsonNode.DeepEquals(monitor["spec"]!["selector"]!["matchLabels"], service["spec"]!["selector"]), Is.True);
        Assert.That(service["metadata"]!["labels"]!.AsObject().Select(l => l.Key),
            Is.SupersetOf(monitor["spec"]!["selector"]!["matchLabels"]!.AsObject().Select(l => l.Key)));
        Assert.That(((string?)endpoint["port"], (string?)endpoint["path"]), Is.EqualTo(("http", "/metrics")));
        Assert.That(service["spec"]!["ports"]!.AsArray().Select(p => (string?)p!["name"]), Does.Contain("http"));
        Assert.That((string?)monitor["metadata"]!["labels"]!["release"], Is.EqualTo("kube-prometheus-stack"));
    }

    [Test]
    public async Task The_PrometheusRule_holds_the_rules_of_the_alerts_file_unchanged()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));
        var rule = rendered.Single("PrometheusRule");
        var file = RuleFileAsJson();

        Assert.That(JsonNode.DeepEquals(rule["spec"]!["groups"], file["groups"]), Is.True,
            $"chart:\n{rule["spec"]!["groups"]!.ToJsonString()}\nfile:\n{file["groups"]!.ToJsonString()}");
        Assert.That((string?)rule["metadata"]!["labels"]!["release"], Is.EqualTo("kube-prometheus-stack"));
    }

    [Test]
    public void The_charts_copy_of_the_alerts_is_a_link_to_the_one_source()
    {
        var link = new FileInfo(Path.Combine(Chart.Dir, "files", "reconciler-alerts.yaml"));

        Assert.That(link.LinkTarget, Is.EqualTo("../../../deploy/prometheus/reconciler-alerts.yaml"));
        Assert.That(File.ReadAllText(link.FullName), Is.EqualTo(File.ReadAllText(AlertsFile)));
    }

    private static JsonObject RuleFileAsJson()
    {
        var data = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(AlertsFile));
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(data);
        return JsonNode.Parse(json)!.AsObject();
    }
}
