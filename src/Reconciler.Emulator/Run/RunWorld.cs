using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Run;

/// <summary>All emulated Cloud Run state, by project and region. Guarded by the world's lock like the rest.</summary>
internal sealed class RunWorld(ImageRules rules, int seed)
{
    private readonly Dictionary<(string Project, string Location), RunLocation> _locations = [];

    public ImageRules Rules { get; } = rules;

    public IdGenerator Ids { get; } = new(seed + 8);

    public IEnumerable<RunLocation> Locations => _locations.Values;

    public RunLocation Location(string project, string location)
    {
        if (!_locations.TryGetValue((project, location), out var state))
        {
            state = new RunLocation(project, location);
            _locations[(project, location)] = state;
        }
        return state;
    }
}
