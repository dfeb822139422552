using Reconciler.Core.CloudRun;
using Reconciler.Core.Diffing;
using Reconciler.Core.Model;
using Reconciler.Testing.Builders;

namespace Reconciler.Core.Tests.Diffing;

public sealed class CloudRunDiffTests
{
    private static readonly CloudRunServiceManifest Desired = CloudRunManifestBuilder.Manifest();
    private static ObservedCloudRunService Live => ObservedCloudRunBuilder.InSyncWith(Desired);

    private static ObservedCloudRunService LiveContainer(Func<CloudRunContainerSpec, CloudRunContainerSpec> change) =>
        Live with { Template = Live.Template with { Containers = [change(Live.Template.Containers![0])] } };

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(Desired, Live, "a Cloud Run service carrying API defaults (container name, probe timeout, extra labels) has no diff");
        yield return Case(Desired with { Spec = Desired.Spec with { Containers = null, Image = Value.Of(CloudRunManifestBuilder.Image) } },
            Live with { Template = Live.Template with { Containers = [new CloudRunContainerSpec(Value.Of(CloudRunManifestBuilder.Image))] } },
            "the image shorthand compares as one container");
        yield return Case(Desired, LiveContainer(c => c with { Image = Value.Of("web:0.9") }),
            "a changed image is a Template change", ("template.containers[web-1].image", ChangeScope.Template));
        yield return Case(Desired, LiveContainer(c => c with { Env = new Dictionary<string, Value>() }),
            "a removed environment variable is a Template change", ("template.containers[web-1].env[LOG_LEVEL]", ChangeScope.Template));
        yield return Case(Desired, LiveContainer(c => c with { StartupProbe = c.StartupProbe! with { Period = TimeSpan.FromSeconds(240) } }),
            "a probe duration is compared in seconds", ("template.containers[web-1].startupProbe.period", ChangeScope.Template));
        yield return Case(Desired, Live with { Template = Live.Template with { Scaling = new CloudRunScaling(1, 10) } },
            "a changed min-instances is a Template change", ("template.scaling.minInstances", ChangeScope.Template));
        yield return Case(Desired, Live with { Template = Live.Template with { Ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY" } },
            "a changed ingress is a Service change", ("ingress", ChangeScope.Service));
        yield return Case(Desired, Live with { Traffic = [new CloudRunTrafficTarget(100, Revision: "web-00001-abc")] },
            "traffic pinned to a revision instead of latest is a Traffic change", ("traffic", ChangeScope.Traffic));
        yield return Case(Desired with { Spec = Desired.Spec with { Traffic = [new(90, Revision: "a"), new(10, Latest: true)] } },
            Live with { Traffic = [new(10, Latest: true), new(90, Revision: "a")] },
            "a traffic split listed in another order is no diff");
        yield return Case(Desired with { Spec = Desired.Spec with { Traffic = null, Scaling = null, ServiceAccount = null } },
            Live with { Traffic = [new CloudRunTrafficTarget(100, Revision: "x")], Template = Live.Template with { Scaling = new(3, 3) } },
            "traffic, scaling and service account left unset are unmanaged");
        yield return Case(Desired, Live with { Labels = new Dictionary<string, string> { ["team"] = "search" } },
            "a changed manifest label is a Tags change", ("labels[team]", ChangeScope.Tags));
    }

    [TestCaseSource(nameof(Cases))]
    public void Cloud_run_drift_is_reported_at_its_path_and_scope(CloudRunServiceManifest desired, ObservedCloudRunService observed, (string, ChangeScope)[] expected) =>
        Assert.That(CloudRunDiff.Diff(desired, observed).Changes.Select(c => (c.Path, c.Scope)), Is.EquivalentTo(expected));

    [Test]
    public void A_missing_cloud_run_service_is_Missing() =>
        Assert.That(CloudRunDiff.Diff(Desired, null).Missing, Is.True);

    [Test]
    public void Cloud_run_secret_references_are_sensitive()
    {
        var observed = LiveContainer(c => c with { Secrets = new Dictionary<string, SecretRef> { ["DB_PASSWORD"] = new SecretRef.SecretManagerSecret("db-password", "3") } });
        Assert.That(CloudRunDiff.Diff(Desired, observed).Changes.Single().Sensitive, Is.True);
    }

    private static TestCaseData Case(CloudRunServiceManifest desired, ObservedCloudRunService observed, string name, params (string, ChangeScope)[] expected) =>
        new TestCaseData(desired, observed, expected).SetName(name);
}
