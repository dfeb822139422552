using Reconciler.Core.CloudRun;
using Reconciler.Core.Health;
using Reconciler.Testing.Builders;

namespace Reconciler.Core.Tests.Health;

public sealed class CloudRunHealthTests
{
    private static readonly ObservedCloudRunService Ready = ObservedCloudRunBuilder.InSyncWith(CloudRunManifestBuilder.Manifest());

    private static ObservedCloudRunService With(string type, string state, string? message = null) =>
        Ready with { Conditions = [.. Ready.Conditions.Where(c => c.Type != type), new CloudRunCondition(type, state, Message: message)] };

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(null, HealthStatus.Missing, "does not exist").SetName("a Cloud Run service that does not exist is Missing");
        yield return new TestCaseData(Ready, HealthStatus.Healthy, "serving revision web-00001-abc").SetName("all conditions succeeded is Healthy");
        yield return new TestCaseData(With("Ready", CloudRunConditionStates.Failed, "Revision 'web-00002' is not ready"), HealthStatus.Degraded, "Ready failed: Revision")
            .SetName("a failed Ready condition is Degraded with its message");
        yield return new TestCaseData(With("RoutesReady", CloudRunConditionStates.Failed, "route failed"), HealthStatus.Degraded, "RoutesReady failed")
            .SetName("a failed RoutesReady condition is Degraded");
        yield return new TestCaseData(With("ConfigurationsReady", CloudRunConditionStates.Reconciling), HealthStatus.Progressing, "deploying revision")
            .SetName("a reconciling configuration is Progressing");
        yield return new TestCaseData(Ready with { Reconciling = true }, HealthStatus.Progressing, "deploying").SetName("a reconciling service is Progressing");
        yield return new TestCaseData(Ready with { Conditions = [] }, HealthStatus.Unknown, "no Ready").SetName("no Ready condition is Unknown");
        yield return new TestCaseData(Ready with { LatestCreatedRevision = "web-00002-xyz" }, HealthStatus.Degraded, "web-00002-xyz never became ready")
            .SetName("a newer revision that never became ready is Degraded even while the old one serves");
    }

    [TestCaseSource(nameof(Cases))]
    public void Cloud_run_health_is(ObservedCloudRunService? observed, HealthStatus status, string message)
    {
        var health = CloudRunHealth.Assess(observed);
        Assert.That(health.Status, Is.EqualTo(status));
        Assert.That(health.Message, Does.Contain(message));
    }
}
