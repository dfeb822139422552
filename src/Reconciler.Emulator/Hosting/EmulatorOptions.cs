using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Simulation;

namespace Reconciler.Emulator.Hosting;

/// <summary>How to start an emulator. Every member has a default that suits a test.</summary>
public sealed record EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (see <see cref="EmulatorHost.BaseUri"/>).</summary>
    public int Port { get; init; }

    /// <summary>Simulated seconds per second of the <see cref="TimeProvider"/>: 60 means one wall second is one simulated minute.</summary>
    public double Speed { get; init; } = 60;

    /// <summary>The clock simulated time derives from; tests pass a FakeTimeProvider (usually with Speed 1).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seeds ids and random faults, so the same call sequence gives the same results.</summary>
    public int Seed { get; init; } = 1;

    public FaultOptions Faults { get; init; } = FaultOptions.None;

    /// <summary>Image behaviour rules consulted before the tag conventions.</summary>
    public IReadOnlyList<ImageRule> Rules { get; init; } = [];

    /// <summary>Clusters that exist in every region from the start (ECS itself has none until created).</summary>
    public IReadOnlyList<string> Clusters { get; init; } = ["default"];

    public string Account { get; init; } = "000000000000";
}
