using System.Collections.Concurrent;

namespace Reconciler.Emulator.Wire;

/// <summary>Counts wire calls by service and operation, received and succeeded separately.</summary>
internal sealed class CallCounter
{
    private readonly ConcurrentDictionary<(string Service, string Operation), int> _received = new();
    private readonly ConcurrentDictionary<(string Service, string Operation), int> _succeeded = new();

    public void Received(string service, string operation) => _received.AddOrUpdate((service, operation), 1, (_, n) => n + 1);

    public void Succeeded(string service, string operation) => _succeeded.AddOrUpdate((service, operation), 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Snapshot(CallOutcome outcome) =>
        (outcome == CallOutcome.Succeeded ? _succeeded : _received)
            .GroupBy(p => p.Key.Service)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(p => p.Key.Operation, p => p.Value));

    public int Count(string operation, CallOutcome outcome) =>
        (outcome == CallOutcome.Succeeded ? _succeeded : _received).Where(p => p.Key.Operation == operation).Sum(p => p.Value);

    public void Clear()
    {
        _received.Clear();
        _succeeded.Clear();
    }
}
