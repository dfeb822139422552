namespace Reconciler.Emulator.Run;

/// <summary>Cloud Run state of one project and region: services by full name, operations by full name.</summary>
internal sealed class RunLocation(string project, string location)
{
    public string Project { get; } = project;

    public string Location { get; } = location;

    public string Parent => $"projects/{Project}/locations/{Location}";

    public SortedDictionary<string, RunServiceRecord> Services { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RunOperationRecord> Operations { get; } = new(StringComparer.Ordinal);
}
