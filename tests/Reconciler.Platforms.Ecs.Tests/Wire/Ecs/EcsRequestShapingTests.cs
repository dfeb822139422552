using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Ecs;

/// <summary>What exactly goes on the wire for the calls the reconciler makes most (in-memory transport).</summary>
public sealed class EcsRequestShapingTests
{
    [Test]
    public async Task A_scale_only_update_sends_only_the_members_that_are_set()
    {
        var handler = new CapturingHandler(_ => CannedResponse.Ok());
        using var clients = TestClients.For(handler);

        await clients.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = "prod", Service = "web", DesiredCount = 2 });

        // A null written as JSON null could reset a live setting the manifest never mentioned.
        Assert.That(handler.Requests.Single().Json!.ToJsonString(), Is.EqualTo("""{"cluster":"prod","service":"web","desiredCount":2}"""));
    }

    [Test]
    public async Task Describe_task_definition_asks_for_tags_and_register_sends_them()
    {
        var handler = new CapturingHandler(_ => CannedResponse.Ok());
        using var clients = TestClients.For(handler);

        await clients.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "web:7", Include = ["TAGS"] });
        await clients.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = "web", ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "web:1" }], Tags = [new Tag("k", "v")],
        });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests[0].Json!.ToJsonString(), Is.EqualTo("""{"taskDefinition":"web:7","include":["TAGS"]}"""));
            Assert.That(handler.Requests[1].Json!.ToJsonString(),
                Is.EqualTo("""{"family":"web","containerDefinitions":[{"name":"web","image":"web:1"}],"tags":[{"key":"k","value":"v"}]}"""));
        });
    }

    [Test]
    public async Task Two_hundred_and_five_tasks_are_described_in_batches_of_one_hundred()
    {
        var handler = new CapturingHandler(r => CannedResponse.Ok(
            $$"""{"tasks":[{"taskArn":"{{r.Json!["tasks"]![0]}}"}],"failures":[]}"""));
        using var clients = TestClients.For(handler);
        var arns = Enumerable.Range(0, 205).Select(i => $"task-{i}").ToList();

        var response = await clients.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = "prod", Tasks = arns });

        Assert.Multiple(() =>
        {
            Assert.That(handler.Requests.Select(r => r.Json!["tasks"]!.AsArray().Count), Is.EqualTo(new[] { 100, 100, 5 }));
            Assert.That(response.Tasks.Select(t => t.TaskArn), Is.EqualTo(new[] { "task-0", "task-100", "task-200" }));
        });
    }

    [Test]
    public async Task Listing_all_task_definitions_follows_nextToken_and_keeps_the_filters()
    {
        var handler = new CapturingHandler(r => r.Json!["nextToken"] is null
            ? CannedResponse.Ok("""{"taskDefinitionArns":["web:9","web:8"],"nextToken":"t2"}""")
            : CannedResponse.Ok("""{"taskDefinitionArns":["web:7"]}"""));
        using var clients = TestClients.For(handler);

        var arns = await clients.Ecs.ListAllTaskDefinitionArnsAsync(
            new ListTaskDefinitionsRequest { FamilyPrefix = "web", Status = "ACTIVE", Sort = "DESC" });

        Assert.Multiple(() =>
        {
            Assert.That(arns, Is.EqualTo(new[] { "web:9", "web:8", "web:7" }));
            Assert.That(handler.Requests[1].Json!.ToJsonString(),
                Is.EqualTo("""{"familyPrefix":"web","status":"ACTIVE","sort":"DESC","nextToken":"t2"}"""));
        });
    }

    [Test]
    public async Task Listing_stopped_tasks_of_a_service_follows_nextToken()
    {
        var handler = new CapturingHandler(r => r.Json!["nextToken"] is null
            ? CannedResponse.Ok("""{"taskArns":["t1"],"nextToken":"p2"}""")
            : CannedResponse.Ok("""{"taskArns":["t2"]}"""));
        using var clients = TestClients.For(handler);

        var arns = await clients.Ecs.ListAllTaskArnsAsync(new ListTasksRequest { Cluster = "prod", ServiceName = "web", DesiredStatus = "STOPPED" });

        Assert.Multiple(() =>
        {
            Assert.That(arns, Is.EqualTo(new[] { "t1", "t2" }));
            Assert.That(handler.Requests[0].Json!.ToJsonString(), Is.EqualTo("""{"cluster":"prod","serviceName":"web","desiredStatus":"STOPPED"}"""));
        });
    }
}
