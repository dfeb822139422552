using Reconciler.Emulator.Ecs;
using Reconciler.Emulator.Run;
using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.Ssm;

namespace Reconciler.Emulator.World;

/// <summary>
/// All emulated state, guarded by one lock: calls are serialized, which keeps the simulation deterministic
/// and is plenty fast for a test double.
/// </summary>
internal sealed class EmulatorWorld(string account, IReadOnlyList<string> clusters, int seed, ImageRules rules)
{
    private readonly Dictionary<string, RegionState> _regions = new(StringComparer.Ordinal);
    private IdGenerator _ids = new(seed);

    public Lock Gate { get; } = new();

    public string Account { get; } = account;

    public ImageRules Rules { get; } = rules;

    public IReadOnlyCollection<string> Regions => _regions.Keys;

    /// <summary>Cloud Run state (by project and region).</summary>
    public RunWorld Run { get; private set; } = new(rules, seed);

    /// <summary>The region's state, created on first use with the configured clusters.</summary>
    public RegionState Region(string name, DateTimeOffset now)
    {
        if (!_regions.TryGetValue(name, out var state))
        {
            var ssm = new SsmRegion(name, Account, _ids);
            var ecs = new EcsRegion(name, Account, _ids, Rules, ssm.Parameters.ContainsKey);
            foreach (var cluster in clusters)
            {
                ecs.CreateCluster(cluster, now);
            }
            state = new RegionState(ecs, ssm);
            _regions[name] = state;
        }
        return state;
    }

    /// <summary>Runs every region's simulation up to <paramref name="now"/>.</summary>
    public void AdvanceAll(DateTimeOffset now)
    {
        foreach (var region in _regions.Values)
        {
            region.Ecs.Advance(now);
        }
    }

    public void Reset()
    {
        _regions.Clear();
        _ids = new IdGenerator(seed);
        Run = new RunWorld(Rules, seed);
    }
}
