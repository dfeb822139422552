namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>Issue 9, item 1: the ServiceAccount carries the cloud identity from values (IRSA on EKS, Workload Identity on GKE).</summary>
public sealed class CloudIdentityTests
{
    [Test]
    public async Task The_service_account_carries_the_IRSA_role_and_the_GKE_service_account_and_the_pod_uses_it()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("full-values.yaml"));
        var account = rendered.Single("ServiceAccount");
        var annotations = account["metadata"]!["annotations"]!;

        Assert.That((string?)annotations["eks.amazonaws.com/role-arn"], Is.EqualTo("arn:aws:iam::111122223333:role/reconciler"));
        Assert.That((string?)annotations["iam.gke.io/gcp-service-account"], Is.EqualTo("reconciler@platform-prod.iam.gserviceaccount.com"));
        Assert.That((string?)rendered.PodSpec()["serviceAccountName"], Is.EqualTo((string?)account["metadata"]!["name"]));
    }

    [Test]
    public async Task Without_annotations_the_service_account_has_none()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("minimal-values.yaml"));

        Assert.That(rendered.Single("ServiceAccount")["metadata"]!["annotations"], Is.Null);
    }

    [Test]
    public async Task An_existing_service_account_is_used_by_name_and_not_created()
    {
        var rendered = await Chart.RenderAsync("-f", Chart.CiValues("minimal-values.yaml"),
            "--set", "serviceAccount.create=false", "--set", "serviceAccount.name=platform-reconciler");

        Assert.That(rendered.OfKind("ServiceAccount"), Is.Empty);
        Assert.That((string?)rendered.PodSpec()["serviceAccountName"], Is.EqualTo("platform-reconciler"));
    }
}
