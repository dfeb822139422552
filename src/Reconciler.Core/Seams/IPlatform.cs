using Reconciler.Core.Guardrails;
using Reconciler.Core.Model;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;

namespace Reconciler.Core.Seams;

/// <summary>
/// The one seam per cloud: read the world for a desired resource, and carry out a plan. Everything between
/// (diff, plan, rollout verdict, rollback target, health) is pure and lives in the core; the engine never names a cloud.
/// </summary>
public interface IPlatform
{
    bool Handles(ResourceManifest manifest);

    /// <summary>The platform's own pure decider (built on <see cref="DecisionRules"/>); the engine never picks one by type.</summary>
    IDecider Decider { get; }

    /// <summary>How long one rollout of this resource may take before the platform's decider calls it failed.</summary>
    TimeSpan ProgressDeadline(ResourceManifest manifest);

    /// <summary>Resolve references and observe live state. Throws <see cref="PlatformException"/> for per-resource problems.</summary>
    Task<Observation> ObserveAsync(ResourceManifest desired, CancellationToken cancellationToken);

    /// <summary>
    /// Where <paramref name="manifest"/> would be written, for the write allow-list: the scopes that apply to this
    /// platform. Values that cost a call (the AWS account) are read only when <paramref name="restricted"/> names them.
    /// </summary>
    Task<WriteLocation> LocateAsync(ResourceManifest manifest, IReadOnlySet<WriteScope> restricted, CancellationToken cancellationToken);

    /// <summary>Execute the plan's actions in order; each action is idempotent, so a retry after a crash is safe.</summary>
    Task<ApplyReport> ApplyAsync(Plan plan, ApplyContext context, CancellationToken cancellationToken);
}

/// <summary>Facts the platform needs to write alongside the change (tags carrying the git revision).</summary>
public sealed record ApplyContext(string? GitRevision);

/// <summary>What was written: one entry per executed action (e.g. "RegisterTaskDefinition reused :4").</summary>
public sealed record ApplyReport(IReadOnlyList<string> Steps, int WriteCalls);
