using Reconciler.Emulator.Tests.Support;

namespace Reconciler.Emulator.Tests.Ecs;

internal sealed class ClusterTests : EmulatorTestBase
{
    [Test]
    public async Task CreateCluster_is_idempotent_and_keeps_tags()
    {
        var first = await Aws.EcsOkAsync("CreateCluster", new { clusterName = "prod", tags = new[] { new { key = "env", value = "prod" } } });
        var second = await Aws.EcsOkAsync("CreateCluster", new { clusterName = "prod" });
        var described = await Aws.EcsOkAsync("DescribeClusters", new { clusters = new[] { "prod" }, include = new[] { "TAGS" } });

        Assert.That(second["cluster"].Text("clusterArn"), Is.EqualTo(first["cluster"].Text("clusterArn")));
        Assert.That(described["clusters"]![0]!["tags"]![0].Text("value"), Is.EqualTo("prod"));
    }

    [Test]
    public async Task The_default_cluster_exists_from_the_start_and_counts_its_services_and_tasks()
    {
        var arn = await Aws.RegisterAsync("web", "shop/web:1");
        await Aws.CreateServiceAsync("web", arn, 2);
        AdvanceSeconds(60);

        var cluster = (await Aws.EcsOkAsync("DescribeClusters"))["clusters"]![0]!;

        Assert.That(cluster.Text("clusterName"), Is.EqualTo("default"));
        Assert.That(cluster.Number("activeServicesCount"), Is.EqualTo(1));
        Assert.That(cluster.Number("runningTasksCount"), Is.EqualTo(2));
    }
}
