using Reconciler.Core.Diffing;
using Reconciler.Core.Redaction;

namespace Reconciler.Core.Tests.Redaction;

public sealed class SecretScrubberTests
{
    [Test]
    public void A_quoted_value_becomes_the_same_short_hash_a_diff_shows()
    {
        var scrubbed = SecretScrubber.Scrub("Invalid value 'postgres://app:hunter22@db/app' for DATABASE_URL", ["postgres://app:hunter22@db/app"]);

        Assert.That(scrubbed, Is.EqualTo($"Invalid value '{FieldChange.Masked("postgres://app:hunter22@db/app")}' for DATABASE_URL"));
    }

    [Test]
    public void A_value_that_contains_another_is_replaced_whole()
    {
        var scrubbed = SecretScrubber.Scrub("got secret-one-two", ["secret-one", "secret-one-two"]);

        Assert.That(scrubbed, Is.EqualTo($"got {FieldChange.Masked("secret-one-two")}"));
    }

    [Test]
    public void Short_values_are_left_alone_so_messages_stay_readable()
    {
        Assert.That(SecretScrubber.Scrub("desiredCount 1 is true", ["1", "true"]), Is.EqualTo("desiredCount 1 is true"));
    }

    [Test]
    public void Every_occurrence_is_replaced()
    {
        Assert.That(SecretScrubber.Scrub("abcdef and abcdef", ["abcdef"]), Does.Not.Contain("abcdef"));
    }
}

public sealed class SensitiveValuesTests
{
    [Test]
    public void An_ecs_manifest_names_its_environment_command_entry_point_and_log_options_but_not_its_image()
    {
        var manifest = Reconciler.Testing.Builders.EcsManifestBuilder.WithContainer(c => c with
        {
            Environment = new Dictionary<string, Reconciler.Core.Model.Value> { ["DATABASE_URL"] = Reconciler.Core.Model.Value.Of("postgres://u:p@db"), ["FROM_SSM"] = new Reconciler.Core.Model.Value.Ssm("/a/b") },
            Command = ["serve", "--password=hunter22"],
            EntryPoint = ["/bin/app"],
            LogConfiguration = new Reconciler.Core.Ecs.EcsLogConfiguration("splunk", new Dictionary<string, string> { ["splunk-token"] = "tok-123456" }),
        });

        Assert.That(manifest.SensitiveValues(), Is.EquivalentTo(new[] { "postgres://u:p@db", "serve", "--password=hunter22", "/bin/app", "tok-123456" }));
    }

    [Test]
    public void A_log_option_that_is_the_region_is_not_sensitive_so_errors_keep_naming_the_region()
    {
        var manifest = Reconciler.Testing.Builders.EcsManifestBuilder.Manifest();

        Assert.That(manifest.SensitiveValues(), Does.Not.Contain("eu-west-1").And.Contain("/ecs/api").And.Contain("db.internal"));
    }

    [Test]
    public void A_cloud_run_manifest_names_its_env_command_and_args()
    {
        var spec = Reconciler.Testing.Builders.CloudRunManifestBuilder.Spec();
        var container = spec.EffectiveContainers[0] with
        {
            Env = new Dictionary<string, Reconciler.Core.Model.Value> { ["DSN"] = Reconciler.Core.Model.Value.Of("mysql://u:p@db") },
            Command = ["/app"],
            Args = ["--token=abcdef"],
        };
        var manifest = Reconciler.Testing.Builders.CloudRunManifestBuilder.Manifest(spec with { Image = null, Containers = [container] });

        Assert.That(manifest.SensitiveValues(), Is.EquivalentTo(new[] { "mysql://u:p@db", "/app", "--token=abcdef" }));
    }
}
