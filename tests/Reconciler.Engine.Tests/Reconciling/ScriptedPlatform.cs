using Reconciler.Core.Reconciling;
using Reconciler.Core.Ecs;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Seams;

namespace Reconciler.Engine.Tests.Reconciling;

/// <summary>
/// An ECS platform whose live state the test sets: observe returns <see cref="Service"/> for the manifest (or throws
/// <see cref="ObserveError"/>, or hangs until cancelled when <see cref="Hang"/>); apply records the plan.
/// </summary>
internal sealed class ScriptedPlatform : IPlatform
{
    private readonly TaskCompletionSource _observing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ObservedEcsService? Service { get; set; }
    public Exception? ObserveError { get; set; }
    public Exception? ApplyError { get; set; }
    public bool Hang { get; set; }
    public List<Plan> Applied { get; } = [];
    public int Observed { get; private set; }

    /// <summary>Completes when an observe has begun (to advance a fake clock while it hangs).</summary>
    public Task Observing => _observing.Task;

    public bool Handles(ResourceManifest manifest) => manifest is EcsServiceManifest;

    public IDecider Decider => EcsServiceDecider.Instance;

    public TimeSpan ProgressDeadline(ResourceManifest manifest) => EcsDeploymentSpec.DefaultProgressDeadline;

    public async Task<Observation> ObserveAsync(ResourceManifest desired, CancellationToken ct)
    {
        Observed++;
        _observing.TrySetResult();
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        return ObserveError is { } error ? throw error : new EcsObservation((EcsServiceManifest)desired, Service);
    }

    /// <summary>The account the scripted cloud reports for every cluster.</summary>
    public string? Account { get; set; } = "123456789012";

    public Task<WriteLocation> LocateAsync(ResourceManifest manifest, IReadOnlySet<WriteScope> restricted, CancellationToken ct)
    {
        var spec = ((EcsServiceManifest)manifest).Spec;
        return Task.FromResult(WriteLocation.Of((WriteScope.AwsAccount, Account), (WriteScope.AwsRegion, spec.Region), (WriteScope.EcsCluster, spec.Cluster)));
    }

    public Task<ApplyReport> ApplyAsync(Plan plan, ApplyContext context, CancellationToken ct)
    {
        if (ApplyError is { } error)
        {
            throw error;
        }
        Applied.Add(plan);
        return Task.FromResult(new ApplyReport(plan.Actions.Select(a => a.Verb).ToList(), plan.Actions.Count));
    }
}
