using System.Text.Json.Nodes;
using Reconciler.Manifests.Validation.CloudRun;
using Reconciler.Testing;

namespace Reconciler.Manifests.Tests.Validation;

/// <summary>The Cloud Run probe and port limits agree with the vendored Admin API v2 discovery document.</summary>
public sealed class CloudRunDiscoveryAgreementTests
{
    private static readonly JsonObject Schemas = JsonNode.Parse(File.ReadAllText(RepoPaths.CloudRunDiscovery))!["schemas"]!.AsObject();

    private static string Doc(string schema, string property) =>
        Schemas[schema]!["properties"]![property]!["description"]!.GetValue<string>();

    [TestCase("periodSeconds")]
    [TestCase("initialDelaySeconds")]
    public void Probe_maxima_are_the_discovery_documents(string property)
    {
        var doc = Doc("GoogleCloudRunV2Probe", property);

        Assert.That(doc, Does.Contain($"Maximum value for liveness probe is {CloudRunProbeValidator.LivenessMaxSeconds}"));
        Assert.That(doc, Does.Contain($"Maximum value for startup probe is {CloudRunProbeValidator.StartupMaxSeconds}"));
    }

    [Test]
    public void The_timeout_may_not_exceed_the_period_and_thresholds_start_at_1()
    {
        Assert.That(Doc("GoogleCloudRunV2Probe", "periodSeconds"), Does.Contain("Must be greater or equal than timeout_seconds"));
        Assert.That(Doc("GoogleCloudRunV2Probe", "timeoutSeconds"), Does.Contain("Minimum value is 1"));
        Assert.That(Doc("GoogleCloudRunV2Probe", "failureThreshold"), Does.Contain("Minimum value is 1"));
    }

    [Test]
    public void Ports_and_port_names_are_the_discovery_documents()
    {
        Assert.That(Doc("GoogleCloudRunV2ContainerPort", "containerPort"), Does.Contain("0 < container_port < 65536"));
        Assert.That(Doc("GoogleCloudRunV2ContainerPort", "name"), Does.Contain("\"http1\" and \"h2c\""));
        Assert.That(Doc("GoogleCloudRunV2Container", "name"), Does.Contain("DNS_LABEL"));
    }
}
