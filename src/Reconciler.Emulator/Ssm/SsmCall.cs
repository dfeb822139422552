using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Ssm;

/// <summary>One SSM operation's input: the region's parameter store, the request body and the simulated time.</summary>
internal sealed record SsmCall(SsmRegion Region, JsonObject Body, DateTimeOffset Now);
