using Reconciler.Core.Diffing;
using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsManifestBuilder;

namespace Reconciler.Core.Tests.Planning;

/// <summary>Plans are asserted as data: the verbs in order, and the fields that matter.</summary>
public sealed class EcsPlannerTests
{
    private static readonly EcsServiceManifest Desired = Manifest();
    private static readonly ObservedEcsService Live = ObservedEcsBuilder.InSyncWith(Desired, fingerprintTag: true);

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(null, "a missing service plans RegisterTaskDefinition then CreateService", "RegisterTaskDefinition", "CreateService");
        yield return Case(Live, "an in-sync service plans nothing");
        yield return Case(ObservedEcsBuilder.InSyncWith(Desired, fingerprintTag: false),
            "a hand-registered but equal task definition with API defaults plans nothing");
        yield return Case(ObservedEcsBuilder.InSyncWith(WithImage("api:0.9")),
            "a changed image = one RegisterTaskDefinition, one UpdateService and the TagResource recording it", "RegisterTaskDefinition", "UpdateService", "TagResource");
        yield return Case(Live with { DesiredCount = 5 }, "count-only change plans UpdateService (and its record) without a new task definition", "UpdateService", "TagResource");
        yield return Case(Live with { Deployment = Live.Deployment with { MaximumPercent = 150 } }, "a settings change plans one UpdateService and its record", "UpdateService", "TagResource");
        yield return Case(Live with { Tags = new Dictionary<string, string>() }, "a tags-only change plans TagResource", "TagResource");
        yield return Case(ObservedEcsBuilder.InSyncWith(WithImage("api:0.9")) with { DesiredCount = 5, Tags = new Dictionary<string, string>() },
            "image, count and tags together fold into register, one update and a tag call", "RegisterTaskDefinition", "UpdateService", "TagResource");
    }

    [TestCaseSource(nameof(Cases))]
    public void The_plan_has_these_actions_in_order(ObservedEcsService? observed, string[] verbs)
    {
        var plan = EcsPlanner.Plan(Desired, EcsDiff.Diff(Desired, observed), PlanContext.None);
        Assert.That(plan.Actions.Select(a => a.Verb), Is.EqualTo(verbs));
    }

    [Test]
    public void A_template_change_points_the_update_at_the_registered_fingerprint()
    {
        var plan = EcsPlanner.Plan(Desired, EcsDiff.Diff(Desired, ObservedEcsBuilder.InSyncWith(WithImage("api:0.9"))), PlanContext.None);
        var register = (RegisterTaskDefinition)plan.Actions[0];
        var update = (UpdateService)plan.Actions[1];
        Assert.That(register.Fingerprint, Is.EqualTo(SpecFingerprint.Of(Desired.Spec.TaskDefinition)));
        Assert.That(register.Region, Is.EqualTo(Desired.Spec.Region), "the action carries where it registers, not the executor's observe state");
        Assert.That((update.TaskDefinitionFingerprint, update.DesiredCount, update.Settings), Is.EqualTo((register.Fingerprint, (int?)null, false)));
    }

    [Test]
    public void The_record_after_a_template_change_names_the_registered_fingerprint_as_target_and_a_count_change_names_none()
    {
        var image = EcsPlanner.Plan(Desired, EcsDiff.Diff(Desired, ObservedEcsBuilder.InSyncWith(WithImage("api:0.9"))), PlanContext.None);
        var count = EcsPlanner.Plan(Desired, EcsDiff.Diff(Desired, Live with { DesiredCount = 5 }), PlanContext.None);

        Assert.That(image.Actions.OfType<TagService>().Single().TargetFingerprint, Is.EqualTo(SpecFingerprint.Of(Desired.Spec.TaskDefinition)));
        Assert.That(count.Actions.OfType<TagService>().Single().TargetFingerprint, Is.Null);
        Assert.That(count.Actions.OfType<TagService>().Single().Tags[TagKeys.Spec], Is.EqualTo(SpecFingerprint.OfService(EcsDesiredNormalizer.Normalize(Desired.Spec))));
    }

    [Test]
    public void A_count_only_update_carries_the_count_and_no_fingerprint()
    {
        var update = EcsPlanner.Plan(Desired, EcsDiff.Diff(Desired, Live with { DesiredCount = 5 }), PlanContext.None).Actions.OfType<UpdateService>().Single();
        Assert.That((update.TaskDefinitionFingerprint, update.DesiredCount, update.Settings), Is.EqualTo(((string?)null, (int?)2, false)));
    }

    [Test]
    public void The_pinned_failed_fingerprint_plans_nothing_and_says_so()
    {
        var diff = EcsDiff.Diff(Desired, ObservedEcsBuilder.InSyncWith(WithImage("api:0.9")));
        var ctx = new PlanContext(FailedFingerprint: SpecFingerprint.Of(Desired.Spec.TaskDefinition));
        Assert.That(EcsPlanner.Plan(Desired, diff, ctx).IsEmpty, Is.True);
        Assert.That(EcsPlanner.IsPinned(Desired, diff, ctx), Is.True);
    }

    [Test]
    public void A_new_commit_after_a_failure_is_no_longer_pinned()
    {
        var fixedManifest = WithImage("api:1.0.1");
        var diff = EcsDiff.Diff(fixedManifest, ObservedEcsBuilder.InSyncWith(WithImage("api:0.9")));
        var ctx = new PlanContext(FailedFingerprint: SpecFingerprint.Of(Desired.Spec.TaskDefinition));
        Assert.That(EcsPlanner.IsPinned(fixedManifest, diff, ctx), Is.False);
        Assert.That(EcsPlanner.Plan(fixedManifest, diff, ctx).Count<RegisterTaskDefinition>(), Is.EqualTo(1));
    }

    [Test]
    public void Tagging_writes_the_manifest_tags_and_reconciler_state_tags()
    {
        var plan = EcsPlanner.Plan(Desired, EcsDiff.Diff(Desired, Live with { Tags = new Dictionary<string, string>() }), new PlanContext("abc123"));
        var tags = ((TagService)plan.Actions.Single()).Tags;
        Assert.That(tags, Does.ContainKey("team").And.ContainKey(TagKeys.Fingerprint));
        Assert.That(tags[TagKeys.GitRevision], Is.EqualTo("abc123"));
    }

    [Test]
    public void Updating_an_adopted_service_never_tags_it_as_managed_by_reconciler()
    {
        var adopted = ObservedEcsBuilder.InSyncWith(WithImage("api:0.9")) is var o
            ? o with { DesiredCount = 5, Tags = o.Tags.Where(t => t.Key != TagKeys.ManagedBy).ToDictionary() }
            : null!;

        var plan = EcsPlanner.Plan(Desired, EcsDiff.Diff(Desired, adopted), new PlanContext("abc123"));

        Assert.That(plan.Actions.Select(a => a.GetType().Name), Is.EqualTo(new[] { "RegisterTaskDefinition", "UpdateService", "TagService" }));
        Assert.That(plan.Actions.OfType<TagService>().Single().Tags, Does.Not.ContainKey(TagKeys.ManagedBy));
    }

    [Test]
    public void An_adopted_service_without_the_managed_by_tag_is_in_sync_and_plans_nothing()
    {
        var adopted = Live with { Tags = Live.Tags.Where(t => t.Key != TagKeys.ManagedBy).ToDictionary() };

        var diff = EcsDiff.Diff(Desired, adopted);

        Assert.That(diff.InSync, Is.True);
        Assert.That(EcsPlanner.Plan(Desired, diff, PlanContext.None).IsEmpty, Is.True);
    }

    [Test]
    public void Only_the_creation_tags_carry_managed_by()
    {
        var spec = Desired.Spec;

        Assert.That(EcsPlanner.CreationTags(spec, "fp", PlanContext.None), Does.ContainKey(TagKeys.ManagedBy).WithValue(TagKeys.ManagedByValue));
        Assert.That(EcsPlanner.ServiceTags(spec, "fp", PlanContext.None), Does.Not.ContainKey(TagKeys.ManagedBy));
    }

    [Test]
    public void Planning_twice_from_the_same_inputs_gives_the_same_plan()
    {
        var diff = EcsDiff.Diff(Desired, null);
        var verbs = () => EcsPlanner.Plan(Desired, diff, PlanContext.None).Actions.Select(a => a.Verb + a.Key);
        Assert.That(verbs(), Is.EqualTo(verbs()));
    }

    private static TestCaseData Case(ObservedEcsService? observed, string name, params string[] verbs) =>
        new TestCaseData(observed, verbs).SetName(name);
}
