using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Ecs;

/// <summary>One ECS operation's input: the region's state, the request body and the simulated time.</summary>
internal sealed record EcsCall(EcsRegion Region, JsonObject Body, DateTimeOffset Now);
