namespace Reconciler.Emulator.Ecs.Services;

/// <summary>One entry of a service's event log (ECS returns them newest first).</summary>
internal sealed record ServiceEvent(string Id, DateTimeOffset CreatedAt, string Message);
