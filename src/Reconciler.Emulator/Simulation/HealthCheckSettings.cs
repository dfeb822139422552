using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Simulation;

/// <summary>A container health check with ECS defaults filled in (interval 30, timeout 5, retries 3, startPeriod 0).</summary>
internal sealed record HealthCheckSettings(int Interval, int Timeout, int Retries, int StartPeriod)
{
    /// <summary>
    /// Seconds after start at which the container is declared unhealthy if the app never answered:
    /// failures inside the start period do not count, then <c>retries</c> consecutive failures, one per interval.
    /// </summary>
    public int GiveUpSeconds => StartPeriod + Interval * Retries;

    public static HealthCheckSettings? From(JsonObject? healthCheck) =>
        healthCheck is null
            ? null
            : new HealthCheckSettings(
                Math.Max(healthCheck.Int("interval") ?? 30, 1),
                healthCheck.Int("timeout") ?? 5,
                Math.Max(healthCheck.Int("retries") ?? 3, 1),
                Math.Max(healthCheck.Int("startPeriod") ?? 0, 0));

    /// <summary>Seconds after start of the first check that finds an app ready after <paramref name="readySeconds"/>.</summary>
    public int FirstPassingCheck(int readySeconds) =>
        Interval * Math.Max(1, (int)Math.Ceiling(readySeconds / (double)Interval));
}
