using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Diffing;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;
using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Wire;
using Reconciler.Platforms.CloudRun.Resilience;
using Reconciler.Platforms.CloudRun.Tests.Conformance;
using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Auth;

namespace Reconciler.Platforms.CloudRun.Tests.Support;

/// <summary>
/// The emulator and a <see cref="CloudRunPlatform"/> on one <see cref="FakeTimeProvider"/> (speed 1): nothing moves
/// unless the test advances the clock. <see cref="ConvergeAsync"/> is the engine's loop without the engine, using
/// Core's diff and planner (the Cloud Run decider lives in Core and is tested there).
/// </summary>
internal sealed class CloudRunHarness : IAsyncDisposable
{
    public static readonly string[] WriteOperations = ["services.create", "services.patch", "services.delete"];

    private CloudRunHarness(FakeTimeProvider time, EmulatorHost host, CloudRunCallOptions options)
    {
        Time = time;
        Host = host;
        Recorder = new RecordingHandler();
        Platform = CloudRunPlatformFactory.Create(time, options, new CloudRunEndpoint(host.BaseUri), FixedTokenSource.Emulator, Recorder);
        Http = new HttpClient { BaseAddress = host.BaseUri };
        Http.DefaultRequestHeaders.Authorization = new("Bearer", "test");
    }

    public FakeTimeProvider Time { get; }

    public EmulatorHost Host { get; }

    public RecordingHandler Recorder { get; }

    public CloudRunPlatform Platform { get; }

    public HttpClient Http { get; }

    /// <param name="options">By default no retry delay and no operation following, so nothing waits on the fake clock.</param>
    public static async Task<CloudRunHarness> StartAsync(CloudRunCallOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Speed = 1, TimeProvider = time });
        return new CloudRunHarness(time, host, options ?? Fast());
    }

    public static CloudRunCallOptions Fast() => new() { RetryBaseDelay = TimeSpan.Zero, OperationFollowBudget = TimeSpan.Zero };

    public async Task<(CloudRunObservation Observation, Plan Plan)> ReconcileAsync(CloudRunServiceManifest manifest, string? revision = null)
    {
        var observation = (CloudRunObservation)await Platform.ObserveAsync(manifest, CancellationToken.None);
        var resolved = observation.Desired;
        var diff = CloudRunDiff.Diff(resolved, observation.Service);
        var ctx = new PlanContext(revision, observation.Service?.Annotation(CloudRunAnnotations.FailedFingerprint));
        var plan = CloudRunPlanner.Plan(resolved, diff, ctx);
        if (!plan.IsEmpty)
        {
            await Platform.ApplyAsync(plan, new ApplyContext(revision), CancellationToken.None);
        }
        return (observation, plan);
    }

    /// <summary>Reconciles every 15 simulated seconds until nothing is planned and the service settled; returns the plans' verbs.</summary>
    public async Task<List<string>> ConvergeAsync(CloudRunServiceManifest manifest, string? revision = null)
    {
        var story = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var (observation, plan) = await ReconcileAsync(manifest, revision);
            story.Add(plan.IsEmpty ? "nothing" : string.Join("+", plan.Actions.Select(a => a.Verb)));
            if (plan.IsEmpty && observation.Service is { } s && Settled(s))
            {
                return story;
            }
            Time.Advance(TimeSpan.FromSeconds(15));
        }
        Assert.Fail($"{manifest.Key} did not converge: {string.Join(" → ", story)}");
        return story;
    }

    public static bool Settled(ObservedCloudRunService s) =>
        !s.Reconciling && s.Generation == s.ObservedGeneration && s.TerminalCondition?.State == CloudRunConditionStates.Succeeded;

    public int Writes() => Count(CallOutcome.Succeeded, WriteOperations);

    public int Count(CallOutcome outcome, params string[] operations) =>
        Host.State.Calls(outcome).GetValueOrDefault("run")?.Where(op => operations.Contains(op.Key)).Sum(op => op.Value) ?? 0;

    /// <summary>The service's revisions as the emulator lists them (newest first).</summary>
    public async Task<List<string>> RevisionsAsync(CloudRunServiceManifest m)
    {
        var json = await Http.GetFromJsonAsync<JsonObject>($"v2/projects/{m.Spec.Project}/locations/{m.Spec.Region}/services/{m.Metadata.Name}/revisions");
        return json!["revisions"]!.AsArray().Select(r => r!["name"]!.GetValue<string>().Split('/')[^1]).ToList();
    }

    public async Task<JsonObject> ServiceJsonAsync(CloudRunServiceManifest m) =>
        (await Http.GetFromJsonAsync<JsonObject>($"v2/projects/{m.Spec.Project}/locations/{m.Spec.Region}/services/{m.Metadata.Name}"))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Platform.Dispose();
        await Host.DisposeAsync();
    }
}
