using Reconciler.Core.Ecs;
using static Reconciler.Testing.Builders.EcsManifestBuilder;

namespace Reconciler.Core.Tests.Ecs;

public sealed class EcsDesiredNormalizerTests
{
    [Test]
    public void Enum_values_take_the_case_the_api_reports()
    {
        var td = EcsDesiredNormalizer.Normalize(TaskDefinition() with
        {
            RuntimePlatform = new EcsRuntimePlatform("arm64", "linux"),
            RequiresCompatibilities = ["fargate"],
            NetworkMode = "AWSVPC",
        });
        Assert.That((td.RuntimePlatform!.CpuArchitecture, td.RuntimePlatform.OperatingSystemFamily, td.RequiresCompatibilities!.Single(), td.NetworkMode),
            Is.EqualTo(("ARM64", "LINUX", "FARGATE", "awsvpc")));
    }

    [Test]
    public void Durations_are_truncated_to_whole_seconds()
    {
        var c = Container() with { HealthCheck = new EcsHealthCheck(["CMD"], Interval: TimeSpan.FromMilliseconds(30_900), StartPeriod: TimeSpan.FromSeconds(59.5)) };
        var h = EcsDesiredNormalizer.Normalize(TaskDefinition(c)).Containers[0].HealthCheck!;
        Assert.That((h.Interval, h.StartPeriod), Is.EqualTo((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(59))));
    }

    [Test]
    public void Nothing_the_user_did_not_set_is_filled_in()
    {
        var bare = new EcsTaskDefinitionSpec("api", [new EcsContainerSpec("api", Reconciler.Core.Model.Value.Of("api:1"))]);
        Assert.That(EcsDesiredNormalizer.Normalize(bare) with { Containers = bare.Containers }, Is.EqualTo(bare));
        Assert.That(EcsDesiredNormalizer.Normalize(bare).Containers[0], Is.EqualTo(bare.Containers[0]));
    }

    [Test]
    public void Service_enums_are_upper_cased() =>
        Assert.That(EcsDesiredNormalizer.Normalize(Spec() with { Service = new EcsServiceSettings(LaunchType: "fargate", PropagateTags: "service") }).Service,
            Is.EqualTo(new EcsServiceSettings(LaunchType: "FARGATE", PropagateTags: "SERVICE")));
}
