using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Run;

/// <summary>One parsed call: the route, the query parameters, the body (enums already names) and the simulated time.</summary>
internal sealed record RunRequest(RunRoute Route, IReadOnlyDictionary<string, string> Query, JsonObject Body, DateTimeOffset Now)
{
    public string? Param(string name) => Query.GetValueOrDefault(name);

    public bool Flag(string name) => Param(name) is { } v && v.Equals("true", StringComparison.OrdinalIgnoreCase);
}
