using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.Wire;
using Reconciler.Emulator.World;

namespace Reconciler.Emulator.Hosting;

/// <summary>The emulator's parts, shared by the wire endpoint, the admin endpoints and the C# control API.</summary>
internal sealed class EmulatorCore
{
    private long _sequence;

    public EmulatorCore(EmulatorOptions options)
    {
        Options = options;
        Clock = new SimulatedClock(options.TimeProvider, options.Speed);
        Rules = new ImageRules();
        Rules.Replace(options.Rules);
        Faults = new FaultInjector(FaultOptions.None, options.Seed);
        Faults.Options = options.Faults;
        World = new EmulatorWorld(options.Account, options.Clusters, options.Seed, Rules);
    }

    public EmulatorOptions Options { get; }

    public SimulatedClock Clock { get; }

    public ImageRules Rules { get; }

    public FaultInjector Faults { get; }

    public CallCounter Calls { get; } = new();

    public EmulatorWorld World { get; }

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Runs <paramref name="action"/> on the world after bringing the simulation up to the current simulated time.</summary>
    public T WithWorld<T>(Func<EmulatorWorld, DateTimeOffset, T> action)
    {
        lock (World.Gate)
        {
            var now = Clock.Now;
            World.AdvanceAll(now);
            return action(World, now);
        }
    }

    /// <summary>Clears state, call counts and hooks; keeps fault rates and image rules.</summary>
    public void Reset()
    {
        lock (World.Gate)
        {
            World.Reset();
            Calls.Clear();
            Faults.Reset(Options.Seed);
            Interlocked.Exchange(ref _sequence, 0);
        }
    }
}
