using System.Text.Json.Nodes;
using Reconciler.Emulator.Wire;

namespace Reconciler.Emulator.Run;

/// <summary>The Cloud Run part of <c>GET /_emulator/state</c>: per service, its revisions, what serves and whether it is Ready.</summary>
internal static class RunStateSnapshot
{
    public static JsonArray Take(RunWorld world, DateTimeOffset now) => world.Locations
        .SelectMany(l => l.Services.Values)
        .Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["generation"] = s.Generation,
            ["ready"] = RunConditions.Of(s, now).Terminal["state"]!.DeepClone(),
            ["latestCreatedRevision"] = s.LatestCreated?.ShortName,
            ["latestReadyRevision"] = s.LatestReady(now)?.ShortName,
            ["revisions"] = s.Revisions.Count,
            ["serving"] = s.TrafficStatuses(now).Statuses.OfType<JsonObject>()
                .Select(t => (JsonNode)$"{t.Str("revision")}={t.Int("percent") ?? 0}%").ToJsonArray(),
        })
        .ToJsonArray();
}
