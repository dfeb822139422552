using Reconciler.Core.CloudRun;
using Reconciler.Core.Diffing;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Testing.Builders;

namespace Reconciler.Core.Tests.Planning;

public sealed class CloudRunPlannerTests
{
    private static readonly CloudRunServiceManifest Desired = CloudRunManifestBuilder.Manifest();
    private static readonly ObservedCloudRunService Live = ObservedCloudRunBuilder.InSyncWith(Desired);

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(null, new[] { "CreateCloudRunService" }).SetName("a missing Cloud Run service plans one create");
        yield return new TestCaseData(Live, Array.Empty<string>()).SetName("an in-sync Cloud Run service plans nothing");
        yield return new TestCaseData(ObservedCloudRunBuilder.InSyncWith(CloudRunManifestBuilder.Manifest(CloudRunManifestBuilder.Spec("web:0.9"))),
            new[] { "PatchCloudRunService" }).SetName("a changed image plans one revision deploy");
        yield return new TestCaseData(Live with { Traffic = [new CloudRunTrafficTarget(100, Revision: "web-00001-abc")] },
            new[] { "ShiftTraffic" }).SetName("a traffic-only change shifts traffic without a new revision");
        yield return new TestCaseData(Live with { Labels = new Dictionary<string, string>() },
            new[] { "PatchCloudRunService" }).SetName("a label change patches the service");
    }

    [TestCaseSource(nameof(Cases))]
    public void The_cloud_run_plan_has_these_actions(ObservedCloudRunService? observed, string[] verbs) =>
        Assert.That(CloudRunPlanner.Plan(Desired, CloudRunDiff.Diff(Desired, observed), PlanContext.None).Actions.Select(a => a.Verb), Is.EqualTo(verbs));

    [Test]
    public void A_deploy_carries_the_template_fingerprint()
    {
        var deploy = (DeployRevision)CloudRunPlanner.Plan(Desired, CloudRunDiff.Diff(Desired, null), PlanContext.None).Actions.Single();
        Assert.That((deploy.Fingerprint, deploy.Create), Is.EqualTo((SpecFingerprint.Of(Desired.Spec), true)));
    }

    [Test]
    public void The_pinned_failed_template_is_not_deployed_again()
    {
        var diff = CloudRunDiff.Diff(Desired, ObservedCloudRunBuilder.InSyncWith(CloudRunManifestBuilder.Manifest(CloudRunManifestBuilder.Spec("web:0.9"))));
        var ctx = new PlanContext(FailedFingerprint: SpecFingerprint.Of(Desired.Spec));
        Assert.That((CloudRunPlanner.Plan(Desired, diff, ctx).IsEmpty, CloudRunPlanner.IsPinned(Desired, diff, ctx)), Is.EqualTo((true, true)));
    }
}
