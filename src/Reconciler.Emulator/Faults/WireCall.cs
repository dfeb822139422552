using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Faults;

/// <summary>A wire call as a test hook sees it, before it is handled.</summary>
/// <param name="Service">"ecs" or "ssm".</param>
/// <param name="Operation">e.g. "RegisterTaskDefinition".</param>
/// <param name="Region">From the credential scope.</param>
/// <param name="Body">The request body (a copy; changing it has no effect).</param>
/// <param name="Sequence">1 for the first wire call since start or reset.</param>
/// <param name="UserAgent">The caller's User-Agent header (which daemon or shard sent it), empty when none.</param>
public sealed record WireCall(string Service, string Operation, string Region, JsonObject Body, long Sequence, string UserAgent = "");
