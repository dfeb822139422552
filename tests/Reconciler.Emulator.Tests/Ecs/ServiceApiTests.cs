using System.Text.Json.Nodes;
using Reconciler.Emulator.Tests.Support;
using static Reconciler.Emulator.Tests.Support.EcsSteps;

namespace Reconciler.Emulator.Tests.Ecs;

/// <summary>CreateService idempotency, DescribeServices limits and failures, tags, listing and deletion.</summary>
internal sealed class ServiceApiTests : EmulatorTestBase
{
    private string _taskDefinition = "";

    [SetUp]
    public async Task Register() => _taskDefinition = await Aws.RegisterAsync("web", "shop/web:1.0");

    private object CreateRequest(string token, int desired = 2) => new { serviceName = "web", taskDefinition = _taskDefinition, desiredCount = desired, clientToken = token };

    [Test]
    public async Task CreateService_with_the_same_clientToken_twice_creates_one_service()
    {
        var first = await Aws.EcsOkAsync("CreateService", CreateRequest("token-1"));
        var second = await Aws.EcsOkAsync("CreateService", CreateRequest("token-1"));
        var listed = await Aws.EcsOkAsync("ListServices");

        Assert.That(second["service"].Text("serviceArn"), Is.EqualTo(first["service"].Text("serviceArn")));
        Assert.That(listed["serviceArns"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(first["service"].Text("serviceArn"), Is.EqualTo("arn:aws:ecs:us-east-1:000000000000:service/default/web"));
    }

    [TestCase("token-2", 2, TestName = "CreateService for an existing service with another clientToken is not idempotent")]
    [TestCase("token-1", 3, TestName = "CreateService with the same clientToken but other parameters is not idempotent")]
    public async Task Not_idempotent(string token, int desired)
    {
        await Aws.EcsOkAsync("CreateService", CreateRequest("token-1"));

        var response = await Aws.EcsAsync("CreateService", CreateRequest(token, desired));

        Assert.That(response.ErrorType, Is.EqualTo("InvalidParameterException"));
        Assert.That(response.Message, Is.EqualTo("Creation of service was not idempotent."));
    }

    [Test]
    public async Task Creating_a_service_in_a_missing_cluster_is_ClusterNotFoundException()
    {
        var response = await Aws.EcsAsync("CreateService", new { cluster = "nope", serviceName = "web", taskDefinition = _taskDefinition });

        Assert.That(response.ErrorType, Is.EqualTo("ClusterNotFoundException"));
    }

    [Test]
    public async Task Updating_a_missing_service_is_ServiceNotFoundException()
    {
        var response = await Aws.EcsAsync("UpdateService", new { service = "ghost", desiredCount = 1 });

        Assert.That(response.ErrorType, Is.EqualTo("ServiceNotFoundException"));
    }

    [Test]
    public async Task DescribeServices_reports_unknown_names_as_MISSING_failures()
    {
        await Aws.CreateServiceAsync("web", _taskDefinition, 1);

        var response = await Aws.EcsOkAsync("DescribeServices", new { services = new[] { "web", "ghost" } });

        Assert.That(response["services"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(response["failures"]![0].Text("reason"), Is.EqualTo("MISSING"));
        Assert.That(response["failures"]![0].Text("arn"), Is.EqualTo("arn:aws:ecs:us-east-1:000000000000:service/default/ghost"));
    }

    [Test]
    public async Task DescribeServices_with_more_than_10_names_is_InvalidParameterException()
    {
        var response = await Aws.EcsAsync("DescribeServices", new { services = Enumerable.Range(0, 11).Select(i => $"s{i}").ToArray() });

        Assert.That(response.ErrorType, Is.EqualTo("InvalidParameterException"));
    }

    [Test]
    public async Task Service_tags_are_set_at_creation_changed_by_TagResource_and_UntagResource_and_shown_with_include_TAGS()
    {
        var arn = (await Aws.EcsOkAsync("CreateService", new { serviceName = "web", taskDefinition = _taskDefinition, tags = new[] { new { key = "team", value = "shop" } } }))["service"].Text("serviceArn");

        await Aws.EcsOkAsync("TagResource", new { resourceArn = arn, tags = new[] { new { key = "tier", value = "web" }, new { key = "team", value = "checkout" } } });
        await Aws.EcsOkAsync("UntagResource", new { resourceArn = arn, tagKeys = new[] { "tier" } });
        var listed = await Aws.EcsOkAsync("ListTagsForResource", new { resourceArn = arn });
        var described = await Aws.EcsOkAsync("DescribeServices", new { services = new[] { "web" }, include = new[] { "TAGS" } });

        Assert.That(listed["tags"]!.ToJsonString(), Is.EqualTo("""[{"key":"team","value":"checkout"}]"""));
        Assert.That(described["services"]![0]!["tags"]!.ToJsonString(), Is.EqualTo(listed["tags"]!.ToJsonString()));
    }

    [Test]
    public async Task Tagging_an_unknown_resource_is_ResourceNotFoundException()
    {
        var response = await Aws.EcsAsync("TagResource", new { resourceArn = "arn:aws:ecs:us-east-1:000000000000:service/default/ghost", tags = new[] { new { key = "a", value = "b" } } });

        Assert.That(response.ErrorType, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task Deleting_a_scaled_service_needs_force_and_then_it_is_INACTIVE_with_its_tasks_stopped()
    {
        await Aws.CreateServiceAsync("web", _taskDefinition, 2);
        AdvanceSeconds(60);

        var refused = await Aws.EcsAsync("DeleteService", new { service = "web" });
        var deleted = await Aws.EcsOkAsync("DeleteService", new { service = "web", force = true });
        var after = await Aws.ServiceAsync("web");

        Assert.That(refused.ErrorType, Is.EqualTo("InvalidParameterException"));
        Assert.That(deleted["service"].Text("status"), Is.EqualTo("DRAINING"));
        Assert.That(after.Text("status"), Is.EqualTo("INACTIVE"));
        Assert.That(await Aws.TasksAsync("web", "RUNNING"), Is.Empty);
        Assert.That((await Aws.EcsOkAsync("ListServices"))["serviceArns"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Scaling_only_changes_desiredCount_without_a_new_deployment()
    {
        await Aws.CreateServiceAsync("web", _taskDefinition, 1);
        AdvanceSeconds(60);

        var scaled = (JsonObject)(await Aws.EcsOkAsync("UpdateService", new { service = "web", desiredCount = 3 }))["service"]!;
        AdvanceSeconds(60);
        var service = await Aws.ServiceAsync("web");

        Assert.That(scaled["deployments"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(service.Number("runningCount"), Is.EqualTo(3));
    }

    [Test]
    public async Task forceNewDeployment_starts_a_new_deployment_of_the_same_task_definition()
    {
        await Aws.CreateServiceAsync("web", _taskDefinition, 1);
        AdvanceSeconds(60);

        var forced = (JsonObject)(await Aws.EcsOkAsync("UpdateService", new { service = "web", forceNewDeployment = true }))["service"]!;

        Assert.That(forced["deployments"]!.AsArray().Select(d => d.Text("taskDefinition")), Is.EqualTo(new[] { _taskDefinition, _taskDefinition }));
    }

    [Test]
    public async Task The_service_shows_the_deployment_configuration_defaults_ECS_applies()
    {
        var service = await Aws.CreateServiceAsync("web", _taskDefinition, 1);

        Assert.That(service["deploymentConfiguration"]!.ToJsonString(),
            Is.EqualTo("""{"deploymentCircuitBreaker":{"enable":false,"rollback":false},"maximumPercent":200,"minimumHealthyPercent":100}"""));
        Assert.That(service.Text("launchType"), Is.EqualTo("EC2"));
        Assert.That(service.Text("schedulingStrategy"), Is.EqualTo("REPLICA"));
    }
}
