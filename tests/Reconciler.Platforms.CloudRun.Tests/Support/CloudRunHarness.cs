using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.CloudRun;
using Reconciler.Core.Diffing;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
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
/// unless the test advances the clock. <see cref="ConvergeAsync"/> is the engine's loop without the engine: observe,
/// the platform's own decider (<see cref="CloudRunPlatform.Decider"/>), apply the decision's plan.
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

    /// <summary>The decision of the last <see cref="ReconcileAsync"/>.</summary>
    public Decision? LastDecision { get; private set; }

    public async Task<(CloudRunObservation Observation, Plan Plan)> ReconcileAsync(CloudRunServiceManifest manifest, string? revision = null, bool ignorePin = false)
    {
        var observation = (CloudRunObservation)await Platform.ObserveAsync(manifest, CancellationToken.None);
        var decision = Platform.Decider.Decide(observation, new DecisionContext(Time.GetUtcNow(), revision, ignorePin));
        LastDecision = decision;
        if (!decision.Plan.IsEmpty)
        {
            await Platform.ApplyAsync(decision.Plan, new ApplyContext(revision), CancellationToken.None);
        }
        return (observation, decision.Plan);
    }

    /// <summary>
    /// Reconciles every 15 simulated seconds until nothing is planned and the decision is final (InSync — the service
    /// settled — or Stalled); returns the plans' verbs ("nothing" for an empty plan).
    /// </summary>
    public async Task<List<string>> ConvergeAsync(CloudRunServiceManifest manifest, string? revision = null)
    {
        var story = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var (observation, plan) = await ReconcileAsync(manifest, revision);
            story.Add(plan.IsEmpty ? "nothing" : string.Join("+", plan.Actions.Select(a => a.Verb)));
            if (plan.IsEmpty && (LastDecision is Decision.Stalled || (LastDecision is Decision.InSync && observation.Service is { } s && Settled(s))))
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
