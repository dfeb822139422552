using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsManifestBuilder;

namespace Reconciler.Core.Tests.Fingerprints;

public sealed class SpecFingerprintTests
{
    /// <summary>Computed once from <see cref="EcsManifestBuilder.TaskDefinition"/>; a change here breaks every tag in the cloud.</summary>
    private const string GoldenEcs = "f989d95363f3679dc5b97198ec8f72287c6d71b9db6326ce2c49cb97470dd8cd";
    private const string GoldenCloudRun = "5711f904f5c6fcc76103aa0bbcb5c101033cf6c8437ebe53c77a1e2963259b60";

    private static readonly EcsTaskDefinitionSpec Td = TaskDefinition();

    [Test]
    public void The_ecs_fingerprint_is_stable_across_runs_and_processes() =>
        Assert.That(SpecFingerprint.Of(Td), Is.EqualTo(GoldenEcs));

    [Test]
    public void The_cloud_run_fingerprint_is_stable_across_runs_and_processes() =>
        Assert.That(SpecFingerprint.Of(CloudRunManifestBuilder.Spec()), Is.EqualTo(GoldenCloudRun));

    [Test]
    public void A_fingerprint_is_64_lowercase_hex_characters() =>
        Assert.That(SpecFingerprint.Of(Td), Does.Match("^[0-9a-f]{64}$"));

    private static IEnumerable<TestCaseData> SameMeaning()
    {
        var c = Td.Containers[0];
        yield return Same(Td, Td with { Containers = [c with { Environment = c.Environment!.Reverse().ToDictionary() }] },
            "reordering environment keys does not change the fingerprint");
        yield return Same(Td, Td with { Containers = [c with { Secrets = new Dictionary<string, SecretRef>(c.Secrets!) }] },
            "an equal secrets map built anew does not change the fingerprint");
        yield return Same(Td with { RequiresCompatibilities = ["FARGATE", "EC2"] }, Td with { RequiresCompatibilities = ["EC2", "FARGATE"] },
            "reordering requiresCompatibilities does not change the fingerprint");
        yield return Same(Td with { Containers = [c with { PortMappings = [new(80), new(443)] }] }, Td with { Containers = [c with { PortMappings = [new(443), new(80)] }] },
            "reordering port mappings does not change the fingerprint");
        yield return Same(Td, Td with { RuntimePlatform = new EcsRuntimePlatform("x86_64", "linux") },
            "casing of cpuArchitecture does not change the fingerprint");
        yield return Same(Td, Td with { Containers = [c with { HealthCheck = c.HealthCheck! with { Interval = TimeSpan.FromSeconds(30.4) } }] },
            "sub-second parts of a duration do not change the fingerprint");
    }

    private static TestCaseData Same(EcsTaskDefinitionSpec a, EcsTaskDefinitionSpec b, string name) => new TestCaseData(a, b).SetName(name);

    private static IEnumerable<TestCaseData> DifferentMeaning()
    {
        var c = Td.Containers[0];
        yield return new TestCaseData(Td with { Containers = [c with { Image = Value.Of("api:2.0.0") }] }).SetName("changing an image changes the fingerprint");
        yield return new TestCaseData(Td with { Containers = [c with { Command = ["b", "a"] }] }).SetName("setting a command changes the fingerprint");
        yield return new TestCaseData(Td with { Containers = [c with { Environment = new Dictionary<string, Value>(c.Environment!) { ["X"] = Value.Of("1") } }] })
            .SetName("adding an environment variable changes the fingerprint");
        yield return new TestCaseData(Td with { Containers = [c with { HealthCheck = c.HealthCheck! with { StartPeriod = TimeSpan.Zero } }] })
            .SetName("changing startPeriod changes the fingerprint");
        yield return new TestCaseData(Td with { Cpu = "512" }).SetName("changing task cpu changes the fingerprint");
    }

    [TestCaseSource(nameof(SameMeaning))]
    public void Equivalent_specs_share_a_fingerprint(EcsTaskDefinitionSpec a, EcsTaskDefinitionSpec b) =>
        Assert.That(SpecFingerprint.Of(b), Is.EqualTo(SpecFingerprint.Of(a)));

    [Test]
    public void The_fingerprint_is_the_sha256_of_sorted_canonical_json_without_nulls()
    {
        var json = SpecFingerprint.CanonicalJson(Td);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.That(hash, Is.EqualTo(SpecFingerprint.Of(Td)));
        Assert.That(json, Does.StartWith("{\"containers\":[{\"environment\":{\"DB_HOST\":\"db.internal\",\"LOG_LEVEL\":\"info\"}"));
        Assert.That(json, Does.Not.Contain("null").And.Not.Contain("taskRoleArn"));
    }

    [TestCaseSource(nameof(DifferentMeaning))]
    public void Different_specs_have_different_fingerprints(EcsTaskDefinitionSpec variant) =>
        Assert.That(SpecFingerprint.Of(variant), Is.Not.EqualTo(SpecFingerprint.Of(Td)));

    [Test]
    public void Command_order_is_significant() =>
        Assert.That(SpecFingerprint.Of(Td with { Containers = [Td.Containers[0] with { Command = ["a", "b"] }] }),
            Is.Not.EqualTo(SpecFingerprint.Of(Td with { Containers = [Td.Containers[0] with { Command = ["b", "a"] }] })));

    [Test]
    public void Container_order_is_not_significant_because_ecs_names_containers()
    {
        var two = Td with { Containers = [Container("api"), Container("sidecar", "envoy:1")] };
        Assert.That(SpecFingerprint.Of(two with { Containers = [.. two.Containers.Reverse()] }), Is.EqualTo(SpecFingerprint.Of(two)));
    }

    [Test]
    public void An_unresolved_ssm_value_cannot_be_fingerprinted() =>
        Assert.Throws<InvalidOperationException>(() =>
            SpecFingerprint.Of(Td with { Containers = [Td.Containers[0] with { Image = new Value.Ssm("/api/image") }] }));

    [Test]
    public void Cloud_run_traffic_and_labels_are_not_part_of_the_template_fingerprint()
    {
        var spec = CloudRunManifestBuilder.Spec();
        var moved = spec with { Traffic = [new CloudRunTrafficTarget(100, Revision: "web-00001")], Labels = new Dictionary<string, string>() };
        Assert.That(SpecFingerprint.Of(moved), Is.EqualTo(SpecFingerprint.Of(spec)));
    }

    [Test]
    public void Cloud_run_image_shorthand_and_one_container_share_a_fingerprint()
    {
        var shorthand = CloudRunManifestBuilder.Spec() with { Containers = null, Image = Value.Of("web:1") };
        var explicitOne = CloudRunManifestBuilder.Spec() with { Containers = [new CloudRunContainerSpec(Value.Of("web:1"))] };
        Assert.That(SpecFingerprint.Of(shorthand), Is.EqualTo(SpecFingerprint.Of(explicitOne)));
    }

    [Test]
    public void A_cloud_run_image_change_changes_the_fingerprint() =>
        Assert.That(SpecFingerprint.Of(CloudRunManifestBuilder.Spec("web:2")), Is.Not.EqualTo(SpecFingerprint.Of(CloudRunManifestBuilder.Spec())));
}
