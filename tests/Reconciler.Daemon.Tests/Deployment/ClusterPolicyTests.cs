namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>Issue 9, item 1: the disruption budget and the network policy select the daemon's pods and say what they allow.</summary>
public sealed class ClusterPolicyTests
{
    [Test]
    public async Task A_node_drain_takes_down_at_most_one_shard_at_a_time()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));
        var budget = rendered.Single("PodDisruptionBudget");
        var podLabels = rendered.Single("StatefulSet")["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

        Assert.That((int?)budget["spec"]!["maxUnavailable"], Is.EqualTo(1));
        foreach (var (key, value) in budget["spec"]!["selector"]!["matchLabels"]!.AsObject())
        {
            Assert.That((string?)podLabels[key], Is.EqualTo((string?)value), $"budget selector {key} does not match the pods");
        }
    }

    [Test]
    public async Task The_network_policy_lets_in_only_the_http_port_and_out_only_DNS_HTTPS_SSH_and_the_metadata_server()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("minimal-values.yaml"));
        var spec = rendered.Single("NetworkPolicy")["spec"]!;
        var ingress = spec["ingress"]!.AsArray().Single()!;
        var egressPorts = spec["egress"]!.AsArray().SelectMany(e => e!["ports"]!.AsArray()).Select(p => p!["port"]!.ToString()).ToList();

        Assert.That(spec["policyTypes"]!.AsArray().Select(t => (string?)t), Is.EquivalentTo(new[] { "Ingress", "Egress" }));
        Assert.That(ingress["ports"]!.AsArray().Select(p => p!["port"]!.ToString()), Is.EqualTo(new[] { "http" }));
        Assert.That(ingress["from"]!.ToJsonString(), Is.EqualTo("[{\"podSelector\":{}}]"), "by default only pods of the namespace");
        Assert.That(egressPorts, Is.EquivalentTo(new[] { "53", "53", "443", "22", "80", "988" }));
    }

    [Test]
    public async Task Ingress_sources_come_from_values_when_given()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));
        var from = rendered.Single("NetworkPolicy")["spec"]!["ingress"]![0]!["from"]!;

        Assert.That((string?)from[0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"], Is.EqualTo("monitoring"));
    }
}
