using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Seams;
using Reconciler.Emulator.Wire;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Testing.Builders;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>
/// A pass (<see cref="IPassObserver.BeginPassAsync"/>) describes its services up front, ten per call; each key's
/// observation in the pass uses its prefetched service once, and never one fetched before the daemon's last write.
/// </summary>
public sealed class EcsPlatformPassTests
{
    private static EcsServiceManifest Named(string name)
    {
        var m = EcsManifestBuilder.Manifest(name: name) with { Metadata = new ManifestMetadata(name) };
        return m with { Spec = m.Spec with { TaskDefinition = m.Spec.TaskDefinition with { Family = name } } };
    }

    [Test]
    public async Task A_pass_over_25_unchanged_services_of_one_cluster_makes_3_DescribeServices_calls_and_no_other()
    {
        // Bursts wide enough for 25 creations: the fake clock only moves when a test advances it.
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod",
            new AwsCallOptions { CallBurst = 1000, RegistrationBurst = 100 });
        var manifests = Enumerable.Range(0, 25).Select(i => Named($"svc-{i:00}")).ToList();
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", "eu-west-1");
        foreach (var manifest in manifests)
        {
            await harness.ConvergeAsync(manifest);
        }
        // Let every rollout finish: a steady service needs no stopped-task reads.
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var (decisions, calls) = await PassAsync(harness, manifests);

        Assert.That(decisions, Has.All.InstanceOf<Decision.InSync>());
        Assert.That(calls, Is.EqualTo(new Dictionary<string, int> { ["DescribeServices"] = 3 }), Describe(calls));
    }

    private static EcsServiceManifest WithSsmImage(string name)
    {
        var m = Named(name);
        var containers = m.Spec.TaskDefinition.Containers.Select((c, i) => i == 0 ? c with { Image = new Value.Ssm($"/bench/{name}/image") } : c).ToList();
        return m with { Spec = m.Spec with { TaskDefinition = m.Spec.TaskDefinition with { Containers = containers } } };
    }

    [Test]
    public async Task A_pass_over_25_services_each_with_its_own_SSM_parameter_reads_them_in_3_GetParameters_calls_not_25()
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod",
            new AwsCallOptions { CallBurst = 1000, RegistrationBurst = 100 });
        var manifests = Enumerable.Range(0, 25).Select(i => WithSsmImage($"svc-{i:00}")).ToList();
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", "eu-west-1");
        foreach (var manifest in manifests)
        {
            harness.Host.State.PutParameter($"/bench/{manifest.Metadata.Name}/image", "String", EcsManifestBuilder.Image, "eu-west-1");
            await harness.ConvergeAsync(manifest);
        }
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var (decisions, calls) = await PassAsync(harness, manifests);

        Assert.That(decisions, Has.All.InstanceOf<Decision.InSync>());
        Assert.That(calls, Is.EqualTo(new Dictionary<string, int> { ["DescribeServices"] = 3, ["GetParameters"] = 3 }), Describe(calls));
    }

    [Test]
    public async Task A_parameter_changed_in_SSM_is_resolved_anew_at_the_next_pass()
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod");
        var web = WithSsmImage("web");
        harness.Host.State.PutParameter("/api/prod/db-password", "SecureString", "not-this", "eu-west-1");
        harness.Host.State.PutParameter("/bench/web/image", "String", "registry.example/api:1.4.2", "eu-west-1");
        await harness.ConvergeAsync(web);
        await harness.Platform.BeginPassAsync([web], CancellationToken.None);
        harness.Host.State.PutParameter("/bench/web/image", "String", "registry.example/api:2.0.0", "eu-west-1");

        var inPass = (EcsObservation)await harness.Platform.ObserveAsync(web, CancellationToken.None);
        await harness.Platform.BeginPassAsync([web], CancellationToken.None);
        var nextPass = (EcsObservation)await harness.Platform.ObserveAsync(web, CancellationToken.None);

        Assert.That(inPass.Desired.Spec.TaskDefinition.Containers[0].Image, Is.EqualTo(Value.Of("registry.example/api:1.4.2")), "within a pass: what the pass read");
        Assert.That(nextPass.Desired.Spec.TaskDefinition.Containers[0].Image, Is.EqualTo(Value.Of("registry.example/api:2.0.0")), "the next pass reads SSM again");
    }

    [Test]
    public async Task A_prefetched_service_serves_one_observation_and_the_next_one_calls_again()
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod");
        var web = Named("web");
        await harness.ConvergeAsync(web);
        var before = DescribeCalls(harness);

        await harness.Platform.BeginPassAsync([web], CancellationToken.None);
        await harness.Platform.ObserveAsync(web, CancellationToken.None);
        Assert.That(DescribeCalls(harness) - before, Is.EqualTo(1), "the observation in the pass used the prefetch");

        await harness.Platform.ObserveAsync(web, CancellationToken.None);
        Assert.That(DescribeCalls(harness) - before, Is.EqualTo(2), "a requeued key (rollout watch, back-off) calls on its own");
    }

    [Test]
    public async Task A_key_changed_in_git_and_written_after_the_pass_began_is_observed_afresh_not_from_the_prefetch()
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod");
        var v1 = Named("web");
        await harness.ConvergeAsync(v1);
        var v2 = EcsManifestBuilder.WithImage("registry.example/web:2.0.0", v1);
        // The git change's reconcile observed before the resync pass began, and writes after the prefetch.
        var changed = await harness.Platform.ObserveAsync(v2, CancellationToken.None);
        await harness.Platform.BeginPassAsync([v2], CancellationToken.None);
        var converge = harness.Platform.Decider.Decide(changed, new DecisionContext(harness.Time.GetUtcNow(), null));
        Assert.That(converge, Is.InstanceOf<Decision.Converge>());
        await harness.Platform.ApplyAsync(converge.Plan, new ApplyContext(null), CancellationToken.None);

        var resync = (EcsObservation)await harness.Platform.ObserveAsync(v2, CancellationToken.None);

        Assert.That(resync.Service!.TaskDefinitionArn, Is.Not.EqualTo(((EcsObservation)changed).Service!.TaskDefinitionArn),
            "the pass served the service as it was before the write");
        Assert.That(harness.Platform.Decider.Decide(resync, new DecisionContext(harness.Time.GetUtcNow(), null)), Is.Not.InstanceOf<Decision.Converge>(),
            "a stale observation would plan the same change again");
    }

    [Test]
    public async Task What_one_pass_prefetched_is_not_served_in_the_next_pass()
    {
        await using var harness = await PlatformHarness.StartAsync("eu-west-1", "prod");
        var v1 = Named("web");
        await harness.ConvergeAsync(v1);
        await harness.Platform.BeginPassAsync([v1], CancellationToken.None);
        // Another daemon (a "new process") changes the service; this one's next pass does not include it.
        var other = new EcsPlatform(harness.Clients, new AwsCallPolicy(new AwsCallOptions(), harness.Time));
        var v2 = EcsManifestBuilder.WithImage("registry.example/web:2.0.0", v1);
        var observed = await other.ObserveAsync(v2, CancellationToken.None);
        await other.ApplyAsync(other.Decider.Decide(observed, new DecisionContext(harness.Time.GetUtcNow(), null)).Plan, new ApplyContext(null), CancellationToken.None);
        await harness.Platform.BeginPassAsync([], CancellationToken.None);

        var seen = (EcsObservation)await harness.Platform.ObserveAsync(v2, CancellationToken.None);

        Assert.That(seen.Service!.TaskDefinition?.Spec.Containers[0].Image, Is.EqualTo(Value.Of("registry.example/web:2.0.0")));
    }

    /// <summary>One resync pass: BeginPass, then one key after another as the work queue hands them out (nothing is coalesced by timing).</summary>
    private static async Task<(List<Decision> Decisions, Dictionary<string, int> Calls)> PassAsync(PlatformHarness harness, IReadOnlyList<EcsServiceManifest> manifests)
    {
        var before = Calls(harness);
        await harness.Platform.BeginPassAsync(manifests, CancellationToken.None);
        var decisions = new List<Decision>();
        foreach (var manifest in manifests)
        {
            decisions.Add(await harness.ReconcileAsync(manifest));
        }
        return (decisions, Delta(before, Calls(harness)));
    }

    private static string Describe(Dictionary<string, int> calls) => string.Join(", ", calls.Select(kv => $"{kv.Key}={kv.Value}"));

    private static int DescribeCalls(PlatformHarness harness) => harness.Host.State.CallCount("DescribeServices");

    private static Dictionary<string, int> Calls(PlatformHarness harness) =>
        harness.Host.State.Calls().Values.SelectMany(ops => ops).GroupBy(op => op.Key).ToDictionary(g => g.Key, g => g.Sum(op => op.Value));

    private static Dictionary<string, int> Delta(Dictionary<string, int> before, Dictionary<string, int> after) =>
        after.Select(op => (op.Key, Count: op.Value - before.GetValueOrDefault(op.Key))).Where(op => op.Count != 0).ToDictionary(op => op.Key, op => op.Count);
}
