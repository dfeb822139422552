using System.Text.Json;
using Reconciler.Core.Fingerprints;
using Reconciler.Platforms.CloudRun.Execution;
using Reconciler.Platforms.CloudRun.Mapping;
using Reconciler.Platforms.CloudRun.Naming;
using Reconciler.Platforms.CloudRun.Tests.Support;
using Reconciler.Platforms.CloudRun.Wire;

namespace Reconciler.Platforms.CloudRun.Tests.Mapping;

/// <summary>Manifest → the exact v2 Service body Reconciler sends (golden), and the pieces a reviewer looks for in it.</summary>
public sealed class RequestMapperGoldenTests
{
    private static string Body(Core.CloudRun.CloudRunServiceManifest manifest)
    {
        var resolved = DesiredNormalizer.Normalize(manifest);
        var fingerprint = SpecFingerprint.Of(resolved.Spec);
        var revision = RevisionNames.For(resolved.Metadata.Name, fingerprint);
        var annotations = StateAnnotations.ForDeploy(fingerprint, revision, SpecFingerprint.OfService(resolved.Spec), "4f2c1e9");
        var service = RequestMapper.Service(resolved.Spec, RequestMapper.ServiceName(resolved), revision, annotations);
        return JsonSerializer.Serialize(service, RunJson.Options);
    }

    [Test]
    public void Seed_001_maps_to_the_golden_patch_body() =>
        Golden.AssertEqual("seed-001.request.json", System.Text.Json.Nodes.JsonNode.Parse(Body(Seed001.Manifest()))!);

    [Test]
    public void Secrets_become_secret_key_refs_and_never_carry_a_value()
    {
        var body = Body(Seed001.Manifest());

        Assert.That(body, Does.Contain("""{"name":"DB_PASSWORD","valueSource":{"secretKeyRef":{"secret":"db-password","version":"latest"}}}"""));
    }

    [Test]
    public void Ingress_is_sent_by_enum_name_and_probe_times_in_whole_seconds()
    {
        var body = Body(Seed001.Manifest());

        Assert.That(body, Does.Contain("\"ingress\":\"INGRESS_TRAFFIC_ALL\""));
        Assert.That(body, Does.Contain("\"initialDelaySeconds\":5,\"timeoutSeconds\":3,\"periodSeconds\":5,\"failureThreshold\":12"));
    }

    [Test]
    public void Undeclared_traffic_is_sent_as_100_percent_to_the_latest_ready_revision()
    {
        var manifest = Seed001.Manifest();
        manifest = manifest with { Spec = manifest.Spec with { Traffic = null } };

        Assert.That(Body(manifest), Does.Contain("\"traffic\":[{\"type\":\"TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST\",\"percent\":100}]"));
    }

    [Test]
    public void The_deploy_mask_names_only_what_the_manifest_manages()
    {
        var spec = Seed001.Manifest().Spec;

        Assert.That(RequestMapper.DeployMask(spec with { Labels = null }), Is.EqualTo("template,annotations,traffic,ingress"));
        Assert.That(RequestMapper.DeployMask(spec with { Ingress = null, Labels = new Dictionary<string, string>() }), Is.EqualTo("template,annotations,traffic,labels"));
    }

    [Test]
    public void An_SSM_reference_in_a_Cloud_Run_manifest_is_refused_naming_the_file_and_field()
    {
        var manifest = Seed001.Manifest();
        manifest = manifest with { Spec = manifest.Spec with { Containers = [manifest.Spec.Containers![0] with { Image = new Core.Model.Value.Ssm("/app/image") }] } };

        Assert.That(() => DesiredNormalizer.Normalize(manifest),
            Throws.TypeOf<Core.Seams.PlatformException>().With.Message.Contains("manifests/examples/emergence-app.yaml").And.Message.Contains("spec.containers[0].image"));
    }
}
