using System.Text.Json.Nodes;
using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Ecs;

/// <summary>ECS fetches SSM secrets before starting containers; a missing parameter stops the task before it runs.</summary>
internal sealed class SecretsScenarioTests : EmulatorTestBase
{
    private const string DatabaseUrl = "arn:aws:ssm:us-east-1:000000000000:parameter/shop/prod/database-url";

    private async Task<string> RegisterWithSecretAsync()
    {
        var container = new JsonObject
        {
            ["name"] = "app",
            ["image"] = "shop/web:1.0",
            ["memory"] = 512,
            ["secrets"] = new JsonArray(new JsonObject { ["name"] = "DATABASE_URL", ["valueFrom"] = DatabaseUrl }),
        };
        var response = await Aws.EcsOkAsync("RegisterTaskDefinition", new JsonObject { ["family"] = "web", ["containerDefinitions"] = new JsonArray(container) });
        return response["taskDefinition"].Text("taskDefinitionArn");
    }

    [Test]
    public async Task A_task_whose_SSM_secret_is_missing_fails_to_start_with_ResourceInitializationError()
    {
        var arn = await RegisterWithSecretAsync();
        await Aws.CreateServiceAsync("web", arn, 1);

        AdvanceSeconds(30);
        var stopped = await Aws.TasksAsync("web", "STOPPED");

        Assert.That(stopped, Is.Not.Empty);
        Assert.That(stopped[0].Text("stopCode"), Is.EqualTo("TaskFailedToStart"));
        Assert.That(stopped[0].Text("stoppedReason"), Does.StartWith("ResourceInitializationError: unable to pull secrets"));
        Assert.That(stopped[0].Text("stoppedReason"), Does.Contain("/shop/prod/database-url"));
        Assert.That(stopped[0]["startedAt"], Is.Null, "no container ever started");
    }

    [Test]
    public async Task Once_the_parameter_exists_new_tasks_start_and_the_rollout_completes()
    {
        var arn = await RegisterWithSecretAsync();
        await Aws.CreateServiceAsync("web", arn, 1);
        AdvanceSeconds(30);

        await Aws.SsmOkAsync("PutParameter", new { Name = "/shop/prod/database-url", Value = "postgres://db", Type = "SecureString" });
        AdvanceSeconds(60);
        var service = await Aws.ServiceAsync("web");

        Assert.That(service.Primary().Text("rolloutState"), Is.EqualTo("COMPLETED"));
        Assert.That(service.Number("runningCount"), Is.EqualTo(1));
    }
}
