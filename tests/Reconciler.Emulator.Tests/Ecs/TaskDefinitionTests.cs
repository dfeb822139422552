using System.Text.Json.Nodes;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Ecs;

/// <summary>Task definition families and revisions, and the defaults ECS adds that a differ must normalize.</summary>
internal sealed class TaskDefinitionTests : EmulatorTestBase
{
    private static JsonObject FargateRequest(string family, string image) => new()
    {
        ["family"] = family,
        ["networkMode"] = "awsvpc",
        ["requiresCompatibilities"] = new JsonArray("FARGATE"),
        ["cpu"] = "256",
        ["memory"] = "512",
        ["containerDefinitions"] = new JsonArray(new JsonObject
        {
            ["name"] = "app",
            ["image"] = image,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 8080 }),
            ["healthCheck"] = new JsonObject { ["command"] = new JsonArray("CMD-SHELL", "true") },
        }),
        ["tags"] = new JsonArray(new JsonObject { ["key"] = "reconciler/managed-by", ["value"] = "reconciler" }),
    };

    [Test]
    public async Task Registering_returns_revision_1_ACTIVE_with_a_realistic_ARN_and_the_tags()
    {
        var response = await Aws.EcsOkAsync("RegisterTaskDefinition", FargateRequest("web", "shop/web:1.0"));
        var definition = response["taskDefinition"]!;

        Assert.That(definition.Text("taskDefinitionArn"), Is.EqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1"));
        Assert.That(definition.Number("revision"), Is.EqualTo(1));
        Assert.That(definition.Text("status"), Is.EqualTo("ACTIVE"));
        Assert.That(definition["compatibilities"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "EC2", "FARGATE" }));
        Assert.That(response["tags"]![0].Text("value"), Is.EqualTo("reconciler"));
    }

    [Test]
    public async Task ECS_defaults_are_added_to_every_container_definition()
    {
        var container = (await Aws.EcsOkAsync("RegisterTaskDefinition", FargateRequest("web", "shop/web:1.0")))["taskDefinition"]!["containerDefinitions"]![0]!;

        Assert.That(container.Number("cpu"), Is.EqualTo(0));
        Assert.That(container["essential"]!.GetValue<bool>(), Is.True);
        Assert.That(container["portMappings"]![0].Text("protocol"), Is.EqualTo("tcp"));
        Assert.That(container["portMappings"]![0].Number("hostPort"), Is.EqualTo(8080), "awsvpc copies containerPort to hostPort");
        Assert.That(container["mountPoints"]!.AsArray(), Is.Empty);
        Assert.That(container["volumesFrom"]!.AsArray(), Is.Empty);
        Assert.That((container["healthCheck"].Number("interval"), container["healthCheck"].Number("timeout"), container["healthCheck"].Number("retries")), Is.EqualTo((30, 5, 3)));
        Assert.That(container["healthCheck"]!["startPeriod"], Is.Null, "ECS leaves startPeriod unset when not given");
    }

    [Test]
    public async Task Revisions_count_up_per_family_and_describe_finds_them_by_family_by_revision_and_by_ARN()
    {
        await Aws.EcsOkAsync("RegisterTaskDefinition", FargateRequest("web", "shop/web:1.0"));
        await Aws.EcsOkAsync("RegisterTaskDefinition", FargateRequest("web", "shop/web:2.0"));
        await Aws.EcsOkAsync("RegisterTaskDefinition", FargateRequest("api", "shop/api:1.0"));

        var latest = await Aws.EcsOkAsync("DescribeTaskDefinition", new { taskDefinition = "web" });
        var first = await Aws.EcsOkAsync("DescribeTaskDefinition", new { taskDefinition = "web:1" });
        var byArn = await Aws.EcsOkAsync("DescribeTaskDefinition", new { taskDefinition = "arn:aws:ecs:us-east-1:000000000000:task-definition/api:1", include = new[] { "TAGS" } });

        Assert.That(latest["taskDefinition"].Number("revision"), Is.EqualTo(2));
        Assert.That(first["taskDefinition"]!["containerDefinitions"]![0].Text("image"), Is.EqualTo("shop/web:1.0"));
        Assert.That(byArn["taskDefinition"].Text("family"), Is.EqualTo("api"));
        Assert.That(byArn["tags"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(first["tags"], Is.Null, "tags only come back with include TAGS");
    }

    [Test]
    public async Task Describing_an_unknown_task_definition_is_a_ClientException()
    {
        var response = await Aws.EcsAsync("DescribeTaskDefinition", new { taskDefinition = "nope:3" });

        Assert.That(response.ErrorType, Is.EqualTo("ClientException"));
    }

    [Test]
    public async Task Listing_filters_by_family_sorts_and_pages()
    {
        for (var i = 0; i < 3; i++)
        {
            await Aws.RegisterAsync("web", $"shop/web:{i}");
        }
        await Aws.RegisterAsync("api", "shop/api:1");

        var page1 = await Aws.EcsOkAsync("ListTaskDefinitions", new { familyPrefix = "web", sort = "DESC", maxResults = 2 });
        var page2 = await Aws.EcsOkAsync("ListTaskDefinitions", new { familyPrefix = "web", sort = "DESC", maxResults = 2, nextToken = page1.Text("nextToken") });
        var arns = page1["taskDefinitionArns"]!.AsArray().Concat(page2["taskDefinitionArns"]!.AsArray()).Select(a => a!.GetValue<string>().Split('/')[1]);

        Assert.That(arns, Is.EqualTo(new[] { "web:3", "web:2", "web:1" }));
        Assert.That(page2["nextToken"], Is.Null);
    }

    [Test]
    public async Task Deregistering_makes_a_revision_INACTIVE_and_unusable_for_a_new_service()
    {
        var arn = await Aws.RegisterAsync("web", "shop/web:1.0");

        var deregistered = await Aws.EcsOkAsync("DeregisterTaskDefinition", new { taskDefinition = arn });
        var active = await Aws.EcsOkAsync("ListTaskDefinitions", new { familyPrefix = "web" });
        var create = await Aws.EcsAsync("CreateService", new { serviceName = "web", taskDefinition = arn, desiredCount = 1 });

        Assert.That(deregistered["taskDefinition"].Text("status"), Is.EqualTo("INACTIVE"));
        Assert.That(active["taskDefinitionArns"]!.AsArray(), Is.Empty);
        Assert.That(create.ErrorType, Is.EqualTo("ClientException"));
    }

    [Test]
    public async Task A_task_definition_without_containers_is_refused_with_a_ClientException()
    {
        var response = await Aws.EcsAsync("RegisterTaskDefinition", new { family = "web", containerDefinitions = Array.Empty<object>() });

        Assert.That(response.ErrorType, Is.EqualTo("ClientException"));
    }

    [Test]
    public async Task A_Fargate_task_definition_outside_awsvpc_is_refused()
    {
        var request = FargateRequest("web", "shop/web:1.0");
        request["networkMode"] = "bridge";

        var response = await Aws.EcsAsync("RegisterTaskDefinition", request);

        Assert.That(response.ErrorType, Is.EqualTo("ClientException"));
        Assert.That(response.Message, Does.Contain("awsvpc"));
    }
}
