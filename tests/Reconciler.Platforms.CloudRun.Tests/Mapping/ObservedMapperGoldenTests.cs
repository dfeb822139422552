using System.Text.Json;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Diffing;
using Reconciler.Platforms.CloudRun.Mapping;
using Reconciler.Platforms.CloudRun.Tests.Conformance;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Model;
using Reconciler.Testing.Builders;

namespace Reconciler.Platforms.CloudRun.Tests.Mapping;

/// <summary>
/// A recorded services.get answer (Golden/served-service.response.json) → the observed model. It carries every server
/// default that gave Terraform's users perpetual diffs; none of them may be drift.
/// </summary>
public sealed class ObservedMapperGoldenTests
{
    private static ObservedCloudRunService Observed() =>
        ObservedMapper.Service(JsonSerializer.Deserialize<RunService>(Golden.Read("served-service.response.json").ToJsonString(), RunJson.Options)!);

    [Test]
    public void The_recorded_answer_conforms_to_the_discovery_document() =>
        Assert.That(SchemaChecker.Check(DiscoveryDocument.Load(), "GoogleCloudRunV2Service", Golden.Read("served-service.response.json"), request: false), Is.Empty);

    [Test]
    public void Names_are_short_generations_numbers_ingress_in_manifest_spelling_and_Ready_is_among_the_conditions()
    {
        var observed = Observed();

        Assert.Multiple(() =>
        {
            Assert.That(observed.LatestReadyRevision, Is.EqualTo("web-00004-abc"));
            Assert.That(observed.TemplateRevision, Is.EqualTo("web-00004-abc"));
            Assert.That((observed.Generation, observed.ObservedGeneration), Is.EqualTo((4L, 4L)));
            Assert.That(observed.Template.Ingress, Is.EqualTo("all"));
            Assert.That(observed.Condition(CloudRunConditionTypes.Ready)?.State, Is.EqualTo(CloudRunConditionStates.Succeeded));
            Assert.That(observed.Annotation(CloudRunAnnotations.LastKnownGood), Is.EqualTo("web-00003-xyz"));
            Assert.That(observed.Template.EffectiveContainers[0].Resources, Is.EqualTo(new CloudRunResources("1", "512Mi")));
            Assert.That(observed.Template.EffectiveContainers[0].Secrets!["DB_PASSWORD"], Is.EqualTo(new Core.Model.SecretRef.SecretManagerSecret("db-password", "latest")));
            Assert.That(observed.Template.EffectiveContainers[0].Env!.Keys, Is.EqualTo(new[] { "LOG_LEVEL" }));
        });
    }

    private static IEnumerable<TestCaseData> ServerDefaults()
    {
        var spec = CloudRunManifestBuilder.Spec() with { Scaling = new CloudRunScaling(MinInstances: 0) };
        var container = spec.Containers![0];
        yield return new TestCaseData(spec with { Containers = [container with { Resources = new CloudRunResources(Memory: "512Mi") }] })
            .SetName("A cpu limit filled in when only memory is set is not drift");
        yield return new TestCaseData(spec)
            .SetName("A defaulted maxInstanceCount and an omitted zero minInstanceCount are not drift");
        yield return new TestCaseData(spec with { Containers = [container with { Resources = new CloudRunResources("1000m", "512Mi") }] })
            .SetName("cpu written as 1000m is the same as 1");
        yield return new TestCaseData(spec with { Containers = [container with { Ports = null, StartupProbe = new Core.CloudRun.CloudRunProbe(new CloudRunHttpGet("/health")) }] })
            .SetName("Default ports and probe timings filled by the server are not drift");
        yield return new TestCaseData(spec with { Ingress = "INGRESS_TRAFFIC_ALL" })
            .SetName("Ingress spelled as the API enum is the same as all");
    }

    [TestCaseSource(nameof(ServerDefaults))]
    public void Server_defaults(CloudRunServiceSpec spec)
    {
        var manifest = DesiredNormalizer.Normalize(CloudRunManifestBuilder.Manifest(spec with { Project = "demo", Region = "europe-west1" }));

        var diff = CloudRunDiff.Diff(manifest, Observed());

        Assert.That(diff.Changes, Is.Empty, string.Join(", ", diff.Changes.Select(c => $"{c.Path}: {c.Desired} vs {c.Observed}")));
    }

    [Test]
    public void A_real_change_is_still_drift()
    {
        var spec = CloudRunManifestBuilder.Spec("europe-west1-docker.pkg.dev/demo/app/web:2.0.0");

        var diff = CloudRunDiff.Diff(DesiredNormalizer.Normalize(CloudRunManifestBuilder.Manifest(spec)), Observed());

        Assert.That(diff.Changes.Select(c => c.Path), Has.Some.EndsWith(".image"));
    }
}
