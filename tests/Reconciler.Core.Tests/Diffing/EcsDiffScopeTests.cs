using Reconciler.Core.Diffing;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsManifestBuilder;

namespace Reconciler.Core.Tests.Diffing;

/// <summary>Scopes, sensitivity, the fingerprint fast path and the missing service.</summary>
public sealed class EcsDiffScopeTests
{
    private static readonly EcsServiceManifest Desired = Manifest();

    private static IEnumerable<TestCaseData> Scopes()
    {
        var live = ObservedEcsBuilder.InSyncWith(Desired);
        yield return new TestCaseData(live.WithContainer("api", c => c with { Image = Value.Of("api:0.9") }), ChangeScope.Template).SetName("a container field is in the Template scope");
        yield return new TestCaseData(live with { DesiredCount = 9 }, ChangeScope.Count).SetName("desiredCount is in the Count scope");
        yield return new TestCaseData(live with { Deployment = live.Deployment with { MaximumPercent = 150 } }, ChangeScope.Service).SetName("deployment configuration is in the Service scope");
        yield return new TestCaseData(live with { Tags = new Dictionary<string, string>() }, ChangeScope.Tags).SetName("a missing tag is in the Tags scope");
    }

    [TestCaseSource(nameof(Scopes))]
    public void Each_change_carries_the_scope_that_decides_the_plan(ObservedEcsService observed, ChangeScope scope)
    {
        var scopes = EcsDiff.Diff(Desired, observed).Changes.Select(c => c.Scope).ToArray();
        Assert.That(scopes, Is.Not.Empty);
        Assert.That(scopes, Is.All.EqualTo(scope));
    }

    [Test]
    public void A_missing_service_is_Missing_with_no_field_changes()
    {
        var diff = EcsDiff.Diff(Desired, null);
        Assert.That((diff.Missing, diff.Changes.Count, diff.InSync), Is.EqualTo((true, 0, false)));
    }

    [Test]
    public void An_INACTIVE_service_is_Missing_because_it_must_be_created_again() =>
        Assert.That(EcsDiff.Diff(Desired, ObservedEcsBuilder.InSyncWith(Desired) with { Status = "INACTIVE" }).Missing, Is.True);

    [Test]
    public void A_matching_fingerprint_tag_skips_field_comparison()
    {
        var tagged = ObservedEcsBuilder.InSyncWith(Desired, fingerprintTag: true)
            .WithContainer("api", c => c with { Memory = 4096 }); // would be drift if compared field by field
        Assert.That(EcsDiff.Diff(Desired, tagged).InSync, Is.True);
    }

    [Test]
    public void A_stale_fingerprint_tag_falls_back_to_field_comparison()
    {
        var tagged = ObservedEcsBuilder.InSyncWith(WithImage("api:0.9"), fingerprintTag: true);
        Assert.That(EcsDiff.Diff(Desired, tagged).Changes.Single().Path, Is.EqualTo("taskDefinition.containers[api].image"));
    }

    [Test]
    public void Secrets_and_secret_looking_environment_values_are_sensitive_and_redacted()
    {
        var desired = WithContainer(c => c with
        {
            Environment = new Dictionary<string, Value>(c.Environment!) { ["API_TOKEN"] = Value.Of("tok-123") },
            Secrets = new Dictionary<string, SecretRef> { ["DB_PASSWORD"] = new SecretRef.ValueFrom("arn:new") },
        });
        var changes = EcsDiff.Diff(desired, ObservedEcsBuilder.InSyncWith(Desired)).Changes;
        Assert.That(changes.Select(c => (c.Path, c.Sensitive)), Is.EquivalentTo(new[]
        {
            ("taskDefinition.containers[api].environment[API_TOKEN]", true),
            ("taskDefinition.containers[api].secrets[DB_PASSWORD]", true),
        }));
        Assert.That(string.Join("\n", changes), Does.Not.Contain("tok-123").And.Not.Contain("arn:new"));
    }

    [Test]
    public void Every_environment_value_is_redacted_to_a_short_hash_even_under_a_key_that_does_not_look_secret()
    {
        const string Url = "postgres://app:hunter2@db.internal/app";
        var change = EcsDiff.Diff(WithContainer(c => c with { Environment = new Dictionary<string, Value>(c.Environment!) { ["DATABASE_URL"] = Value.Of(Url) } }),
            ObservedEcsBuilder.InSyncWith(Desired)).Changes.Single();

        Assert.That(change.Sensitive, Is.True);
        Assert.That(change.Redacted.ToString(), Does.Not.Contain("hunter2").And.Match(@"environment\[DATABASE_URL\]: \(unset\) -> \(redacted [0-9a-f]{8}\)"));
    }

    [Test]
    public void Command_entry_point_and_log_options_are_redacted_and_two_different_values_hash_differently()
    {
        var desired = WithContainer(c => c with { Command = ["--token", "s3cr3t"], EntryPoint = ["/bin/run"] });
        var changes = EcsDiff.Diff(desired, ObservedEcsBuilder.InSyncWith(Desired)).Changes;

        Assert.That(changes.Select(c => c.Path), Has.Some.EndsWith(".command").And.Some.EndsWith(".entryPoint"));
        Assert.That(changes, Has.All.Matches<Core.Diffing.FieldChange>(c => c.Sensitive));
        Assert.That(string.Join("\n", changes.Select(c => c.Redacted.ToString())), Does.Not.Contain("s3cr3t").And.Not.Contain("/bin/run"));
        Assert.That(Core.Diffing.FieldChange.Masked("a"), Is.Not.EqualTo(Core.Diffing.FieldChange.Masked("b")));
    }

    [Test]
    public void An_unresolved_ssm_reference_is_a_programming_error() =>
        Assert.Throws<InvalidOperationException>(() =>
            EcsDiff.Diff(WithContainer(c => c with { Image = new Value.Ssm("/api/image") }), ObservedEcsBuilder.InSyncWith(Desired)));

    [Test]
    public void A_change_reads_as_path_observed_arrow_desired() =>
        Assert.That(EcsDiff.Diff(Desired, ObservedEcsBuilder.InSyncWith(Desired) with { DesiredCount = 3 }).Changes.Single().ToString(),
            Is.EqualTo("desiredCount: 3 -> 2"));
}
