using Reconciler.Core.Ecs;
using Reconciler.Core.Fingerprints;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Testing.Builders;
using static Reconciler.Testing.Builders.EcsRolloutStates;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>Shared states for the decider tests: the manifest before/after an image change and the tags Reconciler leaves.</summary>
internal static class DeciderStates
{
    public const string NewImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.0.0";
    public static readonly EcsServiceManifest Current = EcsManifestBuilder.Manifest();
    public static readonly EcsServiceManifest Changed = EcsManifestBuilder.WithImage(NewImage);
    public static readonly string ChangedFingerprint = Fingerprint(Changed);

    public static Decision Decide(EcsServiceManifest desired, ObservedEcsService? observed, DateTimeOffset? now = null) =>
        EcsDecider.Decide(new EcsObservation(desired, observed), new DecisionContext(now ?? Start, null));

    public static string[] Verbs(Decision decision) => decision.Plan.Actions.Select(a => a.Verb).ToArray();

    public static string Fingerprint(EcsServiceManifest m) => SpecFingerprint.Of(EcsDesiredNormalizer.Normalize(m.Spec.TaskDefinition));

    /// <summary>The tags Reconciler leaves after pointing the service at New, with Old as last known-good.</summary>
    public static ObservedEcsService Applied(ObservedEcsService observed, string? fingerprint = null) => observed with
    {
        Tags = new Dictionary<string, string>(observed.Tags)
        {
            [TagKeys.Fingerprint] = fingerprint ?? ChangedFingerprint,
            [TagKeys.Target] = New,
            [TagKeys.LastKnownGood] = Old,
        },
    };

    /// <summary>After a failed rollout of <see cref="Changed"/>: back on Old, which is still the last known-good, and pinned.</summary>
    public static ObservedEcsService RolledBackAndPinned()
    {
        var onOld = ObservedEcsBuilder.InSyncWith(Current);
        return onOld with
        {
            Tags = new Dictionary<string, string>(onOld.Tags)
            {
                [TagKeys.Fingerprint] = ChangedFingerprint,
                [TagKeys.Target] = onOld.TaskDefinitionArn,
                [TagKeys.LastKnownGood] = onOld.TaskDefinitionArn,
                [TagKeys.FailedFingerprint] = ChangedFingerprint,
            },
        };
    }
}
