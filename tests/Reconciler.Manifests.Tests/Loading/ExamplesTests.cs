using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Loading;
using Reconciler.Testing;

namespace Reconciler.Manifests.Tests.Loading;

/// <summary>The examples reproduce the services of the seed reports and load without a single diagnostic.</summary>
public sealed class ExamplesTests
{
    private static readonly LoadResult Result = new ManifestLoader(ManifestLoaderOptions.Default).LoadDirectory(RepoPaths.Examples);

    private static T Manifest<T>(string name) where T : ResourceManifest =>
        Result.Manifests.OfType<T>().Single(m => m.Metadata.Name == name);

    [Test]
    public void Every_example_loads_clean_with_no_errors_and_no_warnings()
    {
        Assert.That(Result.Diagnostics, Is.Empty, string.Join("\n", Result.Diagnostics));
        Assert.That(Result.Manifests.Select(m => m.Key.ToString()), Is.EquivalentTo(new[]
        {
            "EcsService/plan-charge-prod-backend", "EcsService/sandbox-broker", "EcsService/sandbox-broker-worker", "CloudRunService/emergence-app",
        }));
    }

    [Test]
    public void The_plan_charge_backend_waits_60s_probes_with_urllib_and_reads_the_database_url_from_ssm()
    {
        var spec = Manifest<EcsServiceManifest>("plan-charge-prod-backend").Spec;
        var container = spec.TaskDefinition.Containers.Single();

        Assert.Multiple(() =>
        {
            Assert.That(spec.Region, Is.EqualTo("eu-west-3"));
            Assert.That(container.HealthCheck!.StartPeriod, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(container.HealthCheck.Command[1], Does.Contain("urllib.request"));
            Assert.That(container.Image, Is.EqualTo(Value.Of("557937909547.dkr.ecr.eu-west-3.amazonaws.com/plan-charge-backend:v1.4.2")));
            Assert.That(container.Secrets!["DATABASE_URL"], Is.EqualTo(new SecretRef.SsmParameter("/plan-charge/prod/database-url")));
            Assert.That(spec.TaskDefinition.Cpu, Is.EqualTo("512"), "an integer cpu becomes a string");
        });
    }

    [Test]
    public void The_sandbox_broker_api_and_worker_share_one_image_and_only_the_worker_runs_the_jobs()
    {
        var api = Manifest<EcsServiceManifest>("sandbox-broker").Spec;
        var worker = Manifest<EcsServiceManifest>("sandbox-broker-worker").Spec;

        Assert.Multiple(() =>
        {
            Assert.That((api.DesiredCount, worker.DesiredCount), Is.EqualTo((2, 1)));
            Assert.That(api.Cluster, Is.EqualTo("sandbox-broker-cluster"));
            Assert.That(worker.TaskDefinition.Containers[0].Image, Is.EqualTo(api.TaskDefinition.Containers[0].Image));
            Assert.That(worker.TaskDefinition.Containers[0].Command, Is.EqualTo(new[] { "python", "-m", "app.jobs.worker" }));
        });
    }

    [Test]
    public void The_emergence_app_has_startup_and_liveness_probes_in_europe_west1()
    {
        var spec = Manifest<CloudRunServiceManifest>("emergence-app").Spec;
        var container = spec.EffectiveContainers.Single();

        Assert.Multiple(() =>
        {
            Assert.That((spec.Project, spec.Region), Is.EqualTo(("emergence-469005", "europe-west1")));
            Assert.That(container.StartupProbe!.HttpGet!.Path, Is.EqualTo("/health/readiness"));
            Assert.That(container.LivenessProbe!.HttpGet!.Path, Is.EqualTo("/health/liveness"));
        });
    }

    [Test]
    public void Example_tags_avoid_the_emulator_fault_suffixes()
    {
        var images = Result.Manifests.OfType<EcsServiceManifest>().SelectMany(m => m.Spec.TaskDefinition.Containers.Select(c => c.Image.Resolved))
            .Concat(Result.Manifests.OfType<CloudRunServiceManifest>().SelectMany(m => m.Spec.EffectiveContainers.Select(c => c.Image.Resolved)));

        Assert.That(images, Has.All.Match(@":v[0-9][0-9.]*$"));
    }

    [Test]
    public void Every_example_points_the_yaml_language_server_at_the_schema()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Examples, "*.yaml"))
        {
            Assert.That(File.ReadLines(file).First(), Is.EqualTo("# yaml-language-server: $schema=../schema/reconciler-v1alpha1.schema.json"), file);
        }
    }
}
