using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Tests.Binding;

/// <summary>YAML shapes onto the Core records: the accepted forms, and every error of a file reported together.</summary>
public sealed class BindingTests
{
    private static EcsServiceSpec Ecs(string yaml)
    {
        var result = ManifestYaml.Load(yaml);
        Assert.That(result.HasErrors, Is.False, string.Join("\n", result.Diagnostics));
        return ((EcsServiceManifest)result.Manifests.Single()).Spec;
    }

    [Test]
    public void Cpu_and_memory_accept_integers_and_strings_and_become_strings()
    {
        var spec = Ecs(ManifestYaml.Ecs.With("    family: web\n", "    family: web\n    cpu: 256\n    memory: \"512\"\n"));

        Assert.That((spec.TaskDefinition.Cpu, spec.TaskDefinition.Memory), Is.EqualTo(("256", "512")));
    }

    [Test]
    public void An_image_and_environment_values_accept_an_ssm_reference()
    {
        var spec = Ecs(ManifestYaml.Ecs
            .With("image: repo/web:v1.0.0", "image: {ssm: /web/prod/image}")
            .With("        healthCheck:", "        environment:\n          TZ: UTC\n          FLAGS: {ssm: /web/prod/flags}\n        healthCheck:"));
        var container = spec.TaskDefinition.Containers.Single();

        Assert.Multiple(() =>
        {
            Assert.That(container.Image, Is.EqualTo(new Value.Ssm("/web/prod/image")));
            Assert.That(container.Environment!["TZ"], Is.EqualTo(Value.Of("UTC")));
            Assert.That(container.Environment["FLAGS"], Is.EqualTo(new Value.Ssm("/web/prod/flags")));
        });
    }

    [TestCase("{ssmParameter: /web/db}", TestName = "an ECS secret from an SSM parameter")]
    [TestCase("{secretsManagerArn: \"arn:aws:secretsmanager:eu-west-3:1:secret:db\"}", TestName = "an ECS secret from Secrets Manager")]
    [TestCase("{valueFrom: \"arn:aws:ssm:eu-west-3:1:parameter/web/db\"}", TestName = "an ECS secret from a raw valueFrom")]
    public void Each_ecs_secret_form_binds(string form)
    {
        var spec = Ecs(ManifestYaml.Ecs.With("        healthCheck:", $"        secrets:\n          DB: {form}\n        healthCheck:"));

        var secret = spec.TaskDefinition.Containers.Single().Secrets!["DB"];
        Assert.That(secret.Reference, Is.EqualTo(form.Split(": ", 2)[1].Trim('}', '"')));
    }

    [Test]
    public void A_cloud_run_secret_defaults_to_the_latest_version()
    {
        var result = ManifestYaml.Load(ManifestYaml.CloudRun.With("      startupProbe:", "      secrets:\n        DB: {secret: db-url}\n        KEY: {secret: api-key, version: \"3\"}\n      startupProbe:"));

        var secrets = ((CloudRunServiceManifest)result.Manifests.Single()).Spec.Containers![0].Secrets!;
        Assert.That(secrets["DB"], Is.EqualTo(new SecretRef.SecretManagerSecret("db-url", "latest")));
        Assert.That(secrets["KEY"], Is.EqualTo(new SecretRef.SecretManagerSecret("api-key", "3")));
    }

    [Test]
    public void A_cloud_run_secret_form_inside_env_is_sent_to_secrets()
    {
        var result = ManifestYaml.Load(ManifestYaml.CloudRun.With("      startupProbe:", "      env:\n        DB: {secret: db-url}\n      startupProbe:"));

        var error = result.Diagnostics.Single();
        Assert.That((error.Code, error.FieldPath), Is.EqualTo((DiagnosticCodes.SecretInEnvironment, "spec.containers[0].env.DB")));
    }

    [Test]
    public void Sync_policy_and_rollback_bind_from_the_spec()
    {
        var spec = Ecs(ManifestYaml.Ecs.With("  desiredCount: 2\n", "  desiredCount: 2\n  syncPolicy: {selfHeal: false, prune: true}\n  rollback: {automatic: true}\n"));

        Assert.That(spec.SyncPolicy, Is.EqualTo(new SyncPolicy(SelfHeal: false, Prune: true)));
        Assert.That(spec.Rollback!.AutomaticEnabled, Is.True);
    }

    [Test]
    public void All_errors_of_a_file_are_reported_together_across_documents()
    {
        var yaml = ManifestYaml.Ecs.With("desiredCount: 2", "desiredCount: many").With("startPeriod: 60s", "startPeriod: 60")
            + "---\n" + ManifestYaml.CloudRun.With("region: europe-west1", "regoin: europe-west1");

        var codes = ManifestYaml.Load(yaml).Diagnostics.Select(d => d.Code);

        Assert.That(codes, Is.EquivalentTo(new[] { DiagnosticCodes.WrongType, DiagnosticCodes.InvalidDuration, DiagnosticCodes.UnknownField, DiagnosticCodes.MissingField }));
    }

    [Test]
    public void Several_documents_and_empty_documents_load_in_order()
    {
        var yaml = "---\n" + ManifestYaml.Ecs + "---\n# only a comment\n---\n" + ManifestYaml.CloudRun;

        var result = ManifestYaml.Load(yaml);

        Assert.That(result.Manifests.Select(m => m.Kind), Is.EqualTo(new[] { ResourceKinds.EcsService, ResourceKinds.CloudRunService }));
        Assert.That(result.Manifests[1].Source.Line, Is.GreaterThan(result.Manifests[0].Source.Line));
    }

    [Test]
    public void A_quoted_null_is_text_and_a_plain_null_is_not_set()
    {
        var spec = Ecs(ManifestYaml.Ecs.With("  desiredCount: 2\n", "  desiredCount: null\n  tags: {owner: \"null\"}\n"));

        Assert.That(spec.DesiredCount, Is.Null);
        Assert.That(spec.Tags!["owner"], Is.EqualTo("null"));
    }
}
