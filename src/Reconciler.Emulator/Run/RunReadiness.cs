using System.Text.Json.Nodes;
using Reconciler.Emulator.Simulation;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Run;

/// <summary>
/// When a new revision becomes Ready or fails, by the same image rules as ECS tasks (<c>-unhealthy</c>,
/// <c>-crash</c>, <c>-startup-&lt;N&gt;s</c>, run-time rules): every container must start inside its startup probe's
/// budget — initialDelay + period × failureThreshold; Cloud Run's default TCP probe allows 240 s.
/// </summary>
internal static class RunReadiness
{
    /// <summary>Simulated scheduling + image pull before a container starts.</summary>
    public const int ProvisioningSeconds = 10;

    public static RunTimeline Plan(JsonObject template, ImageRules rules, DateTimeOffset created)
    {
        var start = created.AddSeconds(ProvisioningSeconds);
        var timelines = (template.Arr("containers") ?? []).OfType<JsonObject>().Select(c => Container(c, rules, start)).ToList();
        if (timelines.FirstOrDefault(t => t.FailAt is not null) is { } failed)
        {
            return timelines.Where(t => t.FailAt is not null).MinBy(t => t.FailAt)!;
        }
        return new RunTimeline(timelines.Count == 0 ? start : timelines.Max(t => t.ReadyAt!.Value), null, null, null);
    }

    private static RunTimeline Container(JsonObject container, ImageRules rules, DateTimeOffset start)
    {
        var image = container.Str("image") ?? "";
        var name = container.Str("name") ?? "";
        var probe = container.Obj("startupProbe");
        var budget = Budget(probe);
        var behaviour = rules.Resolve(image);
        var port = container.Arr("ports")?.OfType<JsonObject>().FirstOrDefault()?.Int("containerPort") ?? 8080;
        var probeText = probe?.Obj("httpGet") is { } http ? $"HTTP probe {http.Str("path") ?? "/"}" : "TCP probe";
        var failure = $"The user-provided container failed to start and listen on the port defined provided by the PORT={port} environment variable within the allocated timeout. Default STARTUP {probeText} failed for container \"{name}\" on port {port}.";
        return behaviour.Kind switch
        {
            BehaviourKind.Crash => new RunTimeline(null, start, "HEALTH_CHECK_CONTAINER_ERROR", $"Container \"{name}\" ({image}) exited with code 1 right after it started. {failure}"),
            BehaviourKind.Unhealthy => new RunTimeline(null, start.AddSeconds(budget), "HEALTH_CHECK_CONTAINER_ERROR", failure),
            _ when behaviour.ReadySeconds >= budget => new RunTimeline(null, start.AddSeconds(budget), "HEALTH_CHECK_CONTAINER_ERROR",
                $"{failure} The app needs {behaviour.ReadySeconds}s to start; the startup probe allows {budget}s."),
            _ => new RunTimeline(start.AddSeconds(Math.Max(behaviour.ReadySeconds, probe?.Int("initialDelaySeconds") ?? 0)), null, null, null),
        };
    }

    /// <summary>Seconds a container may take to pass its startup probe.</summary>
    public static int Budget(JsonObject? probe) => probe is null
        ? 240
        : (probe.Int("initialDelaySeconds") ?? 0) + Math.Max(probe.Int("periodSeconds") ?? 10, 1) * Math.Max(probe.Int("failureThreshold") ?? 3, 1);
}
