using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Manifests.Validation.Ecs;

namespace Reconciler.Manifests.Tests.Validation;

/// <summary>
/// Every value Reconciler writes into an ECS tag fits the 256-character tag value for the longest names validation
/// lets through, and every key it writes fits 128: otherwise the daemon's own TagResource would fail after a
/// successful deploy and the last known-good would be lost.
/// </summary>
public sealed class TagValueFitTests
{
    /// <summary>The longest partition name in use (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc).</summary>
    private const string LongestPartition = "aws-us-gov";
    /// <summary>ECS keeps at most 1,000,000 revisions of a family (service quota), so 7 digits.</summary>
    private const int LongestRevision = 1_000_000;

    private static readonly string Family = new('f', EcsLimits.MaxFamilyLength);
    private static readonly string Region = "us-" + new string('x', EcsLimits.MaxRegionLength - 5) + "-1";

    private static EcsServiceSpec LongestSpec() => new(
        Region, new string('c', EcsLimits.MaxNameLength),
        new EcsTaskDefinitionSpec(Family, [new EcsContainerSpec(new string('n', EcsLimits.MaxNameLength), Value.Of("repo/app:v1"))]),
        Account: "123456789012");

    [Test]
    public void The_longest_task_definition_arn_fits_a_tag_value()
    {
        var arn = $"arn:{LongestPartition}:ecs:{Region}:123456789012:task-definition/{Family}:{LongestRevision}";

        Assert.That(Region, Has.Length.EqualTo(EcsLimits.MaxRegionLength));
        Assert.That(arn.Length, Is.LessThanOrEqualTo(EcsLimits.MaxTagValueLength), arn);
    }

    [Test]
    public void A_255_character_family_would_not_fit_which_is_why_the_family_is_limited()
    {
        var arn = $"arn:{LongestPartition}:ecs:{Region}:123456789012:task-definition/{new string('f', EcsLimits.MaxNameLength)}:{LongestRevision}";

        Assert.That(arn.Length, Is.GreaterThan(EcsLimits.MaxTagValueLength));
    }

    [Test]
    public void Family_colon_revision_and_the_fingerprints_fit_a_tag_value()
    {
        var spec = LongestSpec();
        var written = new[]
        {
            $"{Family}:{LongestRevision}",
            SpecFingerprint.Of(spec.TaskDefinition),
            SpecFingerprint.OfService(spec),
            new string('0', 64), // a SHA-256 git revision, the longest commit id git writes
            TagKeys.ManagedByValue,
        };

        Assert.That(written, Has.All.Length.LessThanOrEqualTo(EcsLimits.MaxTagValueLength));
    }

    [Test]
    public void Every_key_reconciler_writes_is_in_its_namespace_and_fits_a_tag_key()
    {
        Assert.That(ReconcilerTags.Keys, Has.Count.EqualTo(7));
        Assert.That(ReconcilerTags.Keys, Has.All.StartWith(ReconcilerTags.Namespace).And.Length.LessThanOrEqualTo(EcsLimits.MaxTagKeyLength));
        Assert.That(ReconcilerTags.MaxManifestTags, Is.EqualTo(EcsLimits.MaxTags - 7));
    }
}
