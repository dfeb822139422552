using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;

namespace Reconciler.Core.Tests.Guardrails;

/// <summary>The write allow-list as a table: the lists, where a resource lives → allowed, or the reason naming value and flag.</summary>
public sealed class WriteAllowListTests
{
    private static readonly ResourceKey Web = new("EcsService", "web");
    private static readonly ResourceKey App = new("CloudRunService", "app");

    private static WriteAllowList Lists(params (WriteScope Scope, string[] Values)[] lists) =>
        new(lists.ToDictionary(l => l.Scope, l => (IReadOnlyList<string>)l.Values));

    private static WriteLocation Ecs(string? account, string region = "eu-west-1", string cluster = "prod") =>
        WriteLocation.Of((WriteScope.AwsAccount, account), (WriteScope.AwsRegion, region), (WriteScope.EcsCluster, cluster));

    private static WriteLocation Run(string project, string region) =>
        WriteLocation.Of((WriteScope.GcpProject, project), (WriteScope.GcpRegion, region));

    [Test]
    public void Empty_lists_allow_everything_and_need_no_location()
    {
        var lists = Lists((WriteScope.AwsRegion, []));

        Assert.That(lists.AllowsEverything, Is.True);
        Assert.That(lists.Refusal(Web, Ecs(null)), Is.Null);
        Assert.That(WriteAllowList.AllowAll.AllowsEverything, Is.True);
    }

    [Test]
    public void A_resource_inside_every_list_is_allowed() =>
        Assert.That(Lists((WriteScope.AwsAccount, ["123456789012", "210987654321"]), (WriteScope.AwsRegion, ["eu-west-1"]), (WriteScope.EcsCluster, ["prod"]))
            .Refusal(Web, Ecs("210987654321")), Is.Null);

    [Test]
    public void A_region_outside_the_list_is_refused_naming_the_resource_the_value_and_the_flag() =>
        Assert.That(Lists((WriteScope.AwsRegion, ["us-east-1", "eu-central-1"])).Refusal(Web, Ecs("123456789012")), Is.EqualTo(
            "write refused: EcsService/web: AWS region eu-west-1 is not in --allow-aws-regions (eu-central-1,us-east-1); nothing was changed. " +
            "Add the value to the flag if this daemon should write there, or fix the manifest"));

    [Test]
    public void Every_violation_is_reported_at_once()
    {
        var refusal = Lists((WriteScope.AwsAccount, ["123456789012"]), (WriteScope.EcsCluster, ["staging"])).Refusal(Web, Ecs("999999999999"));

        Assert.That(refusal, Does.Contain("AWS account 999999999999 is not in --allow-aws-accounts (123456789012)"));
        Assert.That(refusal, Does.Contain("ECS cluster prod is not in --allow-ecs-clusters (staging)"));
    }

    [Test]
    public void An_account_that_could_not_be_read_is_refused_when_accounts_are_restricted() =>
        Assert.That(Lists((WriteScope.AwsAccount, ["123456789012"])).Refusal(Web, Ecs(null)),
            Does.Contain("its AWS account could not be determined and --allow-aws-accounts (123456789012) restricts it"));

    [Test]
    public void An_unknown_account_does_not_matter_when_only_regions_are_restricted() =>
        Assert.That(Lists((WriteScope.AwsRegion, ["eu-west-1"])).Refusal(Web, Ecs(null)), Is.Null);

    [Test]
    public void Aws_lists_do_not_restrict_a_cloud_run_service_and_gcp_lists_do_not_restrict_ecs()
    {
        Assert.That(Lists((WriteScope.AwsRegion, ["us-east-1"]), (WriteScope.EcsCluster, ["x"])).Refusal(App, Run("p1", "europe-west1")), Is.Null);
        Assert.That(Lists((WriteScope.GcpProject, ["p1"])).Refusal(Web, Ecs("123456789012")), Is.Null);
    }

    [TestCase("p2", "europe-west1", "GCP project p2 is not in --allow-gcp-projects (p1)", TestName = "A Cloud Run project outside the list is refused")]
    [TestCase("p1", "us-central1", "GCP region us-central1 is not in --allow-gcp-regions (europe-west1)", TestName = "A Cloud Run region outside the list is refused")]
    public void Gcp_lists_restrict_cloud_run(string project, string region, string reason) =>
        Assert.That(Lists((WriteScope.GcpProject, ["p1"]), (WriteScope.GcpRegion, ["europe-west1"])).Refusal(App, Run(project, region)),
            Does.StartWith($"write refused: CloudRunService/app: {reason}; nothing was changed"));

    [Test]
    public void Values_are_compared_exactly() =>
        Assert.That(Lists((WriteScope.EcsCluster, ["Prod"])).Refusal(Web, Ecs("123456789012")), Is.Not.Null);

    [Test]
    public void Restricted_names_only_the_scopes_with_values() =>
        Assert.That(Lists((WriteScope.AwsAccount, ["123456789012"]), (WriteScope.GcpRegion, [])).Restricted, Is.EquivalentTo(new[] { WriteScope.AwsAccount }));
}
