using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Hosting;

/// <summary>
/// The in-process control API of a running emulator: the same operations as the <c>/_emulator</c> endpoints,
/// plus call hooks for tests.
/// </summary>
public sealed class EmulatorControl
{
    private readonly EmulatorCore _core;

    internal EmulatorControl(EmulatorCore core) => _core = core;

    public string Account => _core.Options.Account;

    /// <summary>Current simulated time.</summary>
    public DateTimeOffset Now => _core.Clock.Now;

    /// <summary>Call counts by service ("ecs", "ssm") and operation.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Calls(CallOutcome outcome = CallOutcome.Received) =>
        _core.Calls.Snapshot(outcome);

    /// <summary>How many calls of <paramref name="operation"/> (any service) were received or succeeded.</summary>
    public int CallCount(string operation, CallOutcome outcome = CallOutcome.Received) => _core.Calls.Count(operation, outcome);

    /// <summary>Clears all state, call counts and hooks; fault rates and image rules stay.</summary>
    public void Reset() => _core.Reset();

    /// <summary>Random fault rates; setting validates them (ArgumentException naming the bad rate).</summary>
    public FaultOptions Faults
    {
        get => _core.Faults.Options;
        set => _core.Faults.Options = value;
    }

    public IReadOnlyList<ImageRule> Rules => _core.Rules.Rules;

    /// <summary>Replaces the run-time image rules (ArgumentException if one is invalid).</summary>
    public void SetRules(IEnumerable<ImageRule> rules) => _core.Rules.Replace(rules);

    public void AddRule(ImageRule rule) => _core.Rules.Add(rule);

    /// <summary>Adds a hook consulted before every wire call (until reset).</summary>
    public void AddHook(ICallHook hook) => _core.Faults.AddHook(hook);

    /// <summary>Adds a delegate hook: return <see cref="CallDirective.Proceed"/> to let a call through.</summary>
    public void OnCall(Func<WireCall, CallDirective> hook) => _core.Faults.AddHook(new FuncCallHook(hook));

    /// <summary>After the next successful <paramref name="operation"/>, drops the connections of the next <paramref name="count"/> calls.</summary>
    public void DropCallsAfter(string operation, int count) => _core.Faults.AddHook(new DropAfterSuccessHook(operation, count));

    /// <summary>Moves simulated time forward (on top of the clock-driven progress).</summary>
    public void AdvanceTime(TimeSpan by) => _core.Clock.Advance(by);

    /// <summary>Creates a cluster in a region, like ECS CreateCluster (idempotent).</summary>
    public void CreateCluster(string name, string region = "us-east-1") =>
        _core.WithWorld((world, now) => world.Region(region, now).Ecs.CreateCluster(name, now));

    /// <summary>Creates or overwrites an SSM parameter (String, StringList or SecureString), like PutParameter with Overwrite.</summary>
    public long PutParameter(string name, string type, string value, string region = "us-east-1") =>
        _core.WithWorld((world, now) =>
        {
            var ssm = world.Region(region, now).Ssm;
            var version = (ssm.Parameters.GetValueOrDefault(name)?.Version ?? 0) + 1;
            ssm.Parameters[name] = new Ssm.SsmParameter(name, type, value, version, now, ssm.Arn(name), "text");
            return version;
        });

    /// <summary>True when the parameter exists in the region.</summary>
    public bool HasParameter(string name, string region = "us-east-1") =>
        _core.WithWorld((world, now) => world.Region(region, now).Ssm.Parameters.ContainsKey(name));
}
