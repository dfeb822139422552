using System.Text.Json.Nodes;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Ecs;

/// <summary>Server-side checks ECS makes on CreateService/UpdateService, and that a refused update changes nothing.</summary>
internal sealed class ServiceValidationTests : EmulatorTestBase
{
    private string _awsvpc = "";

    [SetUp]
    public async Task Register()
    {
        var request = new JsonObject
        {
            ["family"] = "web",
            ["networkMode"] = "awsvpc",
            ["containerDefinitions"] = new JsonArray(new JsonObject
            {
                ["name"] = "app", ["image"] = "shop/web:1", ["memory"] = 512,
                ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 8080 }),
            }),
        };
        _awsvpc = (await Aws.EcsOkAsync("RegisterTaskDefinition", request))["taskDefinition"].Text("taskDefinitionArn");
    }

    private static object Network(params string[] subnets) => new { awsvpcConfiguration = new { subnets } };

    [Test]
    public async Task An_awsvpc_task_definition_needs_a_network_configuration()
    {
        var response = await Aws.EcsAsync("CreateService", new { serviceName = "web", taskDefinition = _awsvpc, desiredCount = 1 });

        Assert.That(response.ErrorType, Is.EqualTo("InvalidParameterException"));
        Assert.That(response.Message, Does.Contain("Network Configuration must be provided"));
    }

    [Test]
    public async Task An_awsvpc_network_configuration_needs_subnets()
    {
        var response = await Aws.EcsAsync("CreateService", new { serviceName = "web", taskDefinition = _awsvpc, desiredCount = 1, networkConfiguration = Network() });

        Assert.That(response.Message, Is.EqualTo("subnets can not be empty."));
    }

    [Test]
    public async Task A_load_balancer_must_point_at_a_container_port_the_task_definition_maps()
    {
        var response = await Aws.EcsAsync("CreateService", new
        {
            serviceName = "web", taskDefinition = _awsvpc, desiredCount = 1, networkConfiguration = Network("subnet-1"),
            loadBalancers = new[] { new { targetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/1", containerName = "app", containerPort = 80 } },
        });

        Assert.That(response.ErrorType, Is.EqualTo("InvalidParameterException"));
        Assert.That(response.Message, Is.EqualTo("The container app did not have a container port 80 defined."));
    }

    [Test]
    public async Task A_health_check_grace_period_needs_a_load_balancer()
    {
        var response = await Aws.EcsAsync("CreateService", new
        {
            serviceName = "web", taskDefinition = _awsvpc, desiredCount = 1, networkConfiguration = Network("subnet-1"), healthCheckGracePeriodSeconds = 60,
        });

        Assert.That(response.ErrorType, Is.EqualTo("InvalidParameterException"));
    }

    [Test]
    public async Task A_refused_UpdateService_leaves_the_service_as_it_was()
    {
        await Aws.EcsOkAsync("CreateService", new { serviceName = "web", taskDefinition = _awsvpc, desiredCount = 1, networkConfiguration = Network("subnet-1") });

        var refused = await Aws.EcsAsync("UpdateService", new { service = "web", desiredCount = 5, networkConfiguration = Network() });
        var service = await Aws.ServiceAsync("web");

        Assert.That(refused.ErrorType, Is.EqualTo("InvalidParameterException"));
        Assert.That(service.Number("desiredCount"), Is.EqualTo(1));
        Assert.That(service["deployments"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(service["networkConfiguration"]!["awsvpcConfiguration"]!["assignPublicIp"]!.GetValue<string>(), Is.EqualTo("DISABLED"));
    }
}
