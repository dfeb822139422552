using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Testing.Builders;

namespace Reconciler.Core.Tests.Fingerprints;

/// <summary>
/// Pins the service fingerprints (the <c>reconciler.io/spec</c> tag and annotation) to values computed on the code
/// that serialized anonymous types by reflection. Every deployed service carries one of these; a changed value would
/// make every service look drifted, so a change to how the canonical JSON is written must keep all of them.
/// </summary>
public sealed class ServiceFingerprintPinTests
{
    private static readonly EcsServiceSpec Ecs = EcsManifestBuilder.Spec();
    private static readonly CloudRunServiceSpec Run = CloudRunManifestBuilder.Spec();

    private static IEnumerable<TestCaseData> EcsSpecs()
    {
        yield return new TestCaseData(Ecs, "94b2b7a2496542d6099e8e167c0675b2b2a0864480b956e5689b702111a0904f")
            .SetName("the builder's ecs service (count, awsvpc settings, rolling deployment) keeps its fingerprint");
        yield return new TestCaseData(Ecs with { DesiredCount = null, Service = null, Deployment = null }, "ed8415920f20d6f2fb7ae5b51910281ec119b6d9b4f06ada98bfc6e6dccf7a20")
            .SetName("an ecs service without count, settings or deployment keeps its fingerprint");
        yield return new TestCaseData(Ecs with
        {
            DesiredCount = 0,
            Service = new EcsServiceSettings(
                LaunchType: "fargate",
                CapacityProviderStrategy: [new("FARGATE_SPOT", 3, 1), new("FARGATE")],
                NetworkConfiguration: new EcsNetworkConfiguration(new EcsAwsVpcConfiguration(["subnet-b", "subnet-a"])),
                LoadBalancers:
                [
                    new("api", 8080, TargetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123456789abcdef"),
                    new("api", 8443, LoadBalancerName: "classic-<lb>+é"),
                ],
                HealthCheckGracePeriod: TimeSpan.FromSeconds(90.7),
                EnableExecuteCommand: true,
                PropagateTags: "service",
                PlatformVersion: "1.4.0"),
            Deployment = new EcsDeploymentSpec(50, 150, new EcsCircuitBreaker(true, false), TimeSpan.FromMinutes(15),
                new EcsDeploymentAlarms(["api-5xx", "api-latency"], Rollback: false)),
            Account = "123456789012",
            Rollback = new RollbackSpec(),
            Tags = new Dictionary<string, string> { ["team"] = "payments", ["cost"] = "a&b" },
        }, "d052278a939f7368ab4131138de3af57ede203ab00227827fd5aba6607abbceb").SetName("an ecs service with every setting and deployment option keeps its fingerprint");
        yield return new TestCaseData(Ecs with
        {
            DesiredCount = 1,
            Service = new EcsServiceSettings(NetworkConfiguration: new EcsNetworkConfiguration()),
            Deployment = new EcsDeploymentSpec(),
        }, "94eefc2733e701c6824afcc0f6c28081e61b94aeb58c5ac1f8d4d42b9098998d").SetName("an ecs service whose settings and deployment are present but empty keeps its fingerprint");
    }

    private static IEnumerable<TestCaseData> CloudRunSpecs()
    {
        yield return new TestCaseData(Run, "c99b819564ccc602797a1e0b398a9238033bbf2bbe591a27c32bd7f2964b8c0f")
            .SetName("the builder's cloud run service (ingress, one label, latest traffic) keeps its fingerprint");
        yield return new TestCaseData(Run with
        {
            Labels = new Dictionary<string, string> { ["team"] = "web", ["env"] = "prod", ["cost-centre"] = "a+b<c>é" },
            Traffic =
            [
                new CloudRunTrafficTarget(80, Revision: "web-00007-abc", Tag: "stable"),
                new CloudRunTrafficTarget(20, Latest: true, Tag: "canary"),
                new CloudRunTrafficTarget(0, Latest: false, Revision: "web-00006-xyz"),
            ],
        }, "efe33c3c42e2261e5b4e5aa2dbc0777eb305e18c9a716e1dc2234fcabae63cc3").SetName("a cloud run service with several labels and traffic targets keeps its fingerprint");
        yield return new TestCaseData(Run with { Ingress = null, Labels = null, Traffic = null }, "a4bef8d386defdac4feee8f09433cb589751a023b684c10d71a93d1f5c753346")
            .SetName("a cloud run service without ingress, labels or traffic keeps its fingerprint");
        yield return new TestCaseData(Run with { Labels = new Dictionary<string, string>(), Traffic = [] }, "c999571af7552dafb55eeef3d6a25e1e466c1c62c2a4f5e3665eea1c5ba808ce")
            .SetName("a cloud run service with empty labels and traffic keeps its fingerprint");
    }

    [TestCaseSource(nameof(EcsSpecs))]
    public void An_ecs_service_fingerprint_is_the_one_already_in_the_cloud(EcsServiceSpec spec, string pinned) =>
        Assert.That(SpecFingerprint.OfService(spec), Is.EqualTo(pinned));

    [TestCaseSource(nameof(CloudRunSpecs))]
    public void A_cloud_run_service_fingerprint_is_the_one_already_in_the_cloud(CloudRunServiceSpec spec, string pinned) =>
        Assert.That(SpecFingerprint.OfService(spec), Is.EqualTo(pinned));
}
