using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Ecs;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Seams;
using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Wire;
using Reconciler.Platforms.Ecs.Resilience;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;

namespace Reconciler.Platforms.Ecs.Tests.Platform;

/// <summary>
/// The emulator and an <see cref="EcsPlatform"/> on one <see cref="FakeTimeProvider"/> (speed 1): nothing moves
/// unless the test advances the clock. <see cref="ConvergeAsync"/> is the engine's loop without the engine.
/// </summary>
internal sealed class PlatformHarness : IAsyncDisposable
{
    private static readonly string[] WriteOperations =
        ["RegisterTaskDefinition", "CreateService", "UpdateService", "TagResource", "DeregisterTaskDefinition", "UntagResource", "DeleteService"];

    private PlatformHarness(FakeTimeProvider time, EmulatorHost host, AwsCallOptions? options)
    {
        Time = time;
        Host = host;
        Clients = new EcsRegionClients(AwsEndpointResolver.Fixed(host.BaseUri), StaticCredentialsSource.Emulator);
        Platform = new EcsPlatform(Clients, new AwsCallPolicy(options ?? new AwsCallOptions(), time));
    }

    public FakeTimeProvider Time { get; }

    public EmulatorHost Host { get; }

    public EcsRegionClients Clients { get; }

    public EcsPlatform Platform { get; }

    /// <param name="options">e.g. a zero retry delay, so Polly's retries need no clock advance.</param>
    public static async Task<PlatformHarness> StartAsync(string region, string cluster, AwsCallOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Speed = 1, TimeProvider = time });
        host.State.CreateCluster(cluster, region);
        return new PlatformHarness(time, host, options);
    }

    public async Task<Decision> ReconcileAsync(EcsServiceManifest manifest, string? revision = null)
    {
        var observation = await Platform.ObserveAsync(manifest, CancellationToken.None);
        var decision = Platform.Decider.Decide(observation, new DecisionContext(Time.GetUtcNow(), revision));
        if (!decision.Plan.IsEmpty)
        {
            await Platform.ApplyAsync(decision.Plan, new ApplyContext(revision), CancellationToken.None);
        }
        return decision;
    }

    /// <summary>Reconciles every 15 simulated seconds until in sync (at most 40 times), returning each decision's type.</summary>
    public async Task<List<string>> ConvergeAsync(EcsServiceManifest manifest, string? revision = null)
    {
        var story = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var decision = await ReconcileAsync(manifest, revision);
            story.Add(decision.GetType().Name);
            if (decision is Decision.InSync or Decision.Stalled or Decision.RollBack)
            {
                return story;
            }
            Time.Advance(TimeSpan.FromSeconds(15));
        }
        Assert.Fail($"{manifest.Key} did not converge: {string.Join(" → ", story)}");
        return story;
    }

    public int Writes() =>
        Host.State.Calls(CallOutcome.Succeeded).Values.SelectMany(ops => ops).Where(op => WriteOperations.Contains(op.Key)).Sum(op => op.Value);

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await Host.DisposeAsync();
    }
}
