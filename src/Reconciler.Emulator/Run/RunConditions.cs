using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Run;

/// <summary>
/// The service's conditions at a simulated time, Knative-style: ConfigurationsReady follows the latest created
/// revision, RoutesReady the declared traffic, and the terminal condition Ready both — a failed new revision keeps
/// the service not Ready (while the old revision keeps serving) until a good revision replaces it.
/// </summary>
internal static class RunConditions
{
    public static (JsonObject Terminal, JsonArray Others) Of(RunServiceRecord s, DateTimeOffset now)
    {
        var latest = s.LatestCreated;
        var state = latest?.StateAt(now) ?? RunRevisionState.Ready;
        var at = Time(latest is null ? s.LastWrite : Transition(latest, now));
        var settledAt = Time(Max(s.LastWrite.AddSeconds(RunServiceRecord.SettleSeconds), latest is null ? s.LastWrite : Transition(latest, now)));
        var configurations = state switch
        {
            RunRevisionState.Failed => Failed("ConfigurationsReady", latest!, at),
            RunRevisionState.Pending => Condition("ConfigurationsReady", "CONDITION_RECONCILING", at),
            _ => Condition("ConfigurationsReady", "CONDITION_SUCCEEDED", at),
        };
        var (_, resolved) = s.TrafficStatuses(now);
        var routes = resolved ? Condition("RoutesReady", "CONDITION_SUCCEEDED", settledAt) : Condition("RoutesReady", "CONDITION_RECONCILING", Time(s.LastWrite));
        JsonObject terminal;
        if (state == RunRevisionState.Failed)
        {
            terminal = Failed("Ready", latest!, at);
        }
        else if (!s.Settled(now) || !resolved)
        {
            terminal = Condition("Ready", "CONDITION_RECONCILING", Time(s.LastWrite));
        }
        else
        {
            terminal = Condition("Ready", "CONDITION_SUCCEEDED", settledAt);
        }
        return (terminal, [configurations, routes]);
    }

    /// <summary>A revision's own conditions: Ready, and ContainerHealthy carrying the failure's revision reason.</summary>
    public static JsonArray OfRevision(RunRevisionRecord r, DateTimeOffset now)
    {
        var at = Time(Transition(r, now));
        return r.StateAt(now) switch
        {
            RunRevisionState.Ready => [Condition("Ready", "CONDITION_SUCCEEDED", at), Condition("ContainerHealthy", "CONDITION_SUCCEEDED", at)],
            RunRevisionState.Pending => [Condition("Ready", "CONDITION_RECONCILING", at), Condition("ContainerHealthy", "CONDITION_PENDING", at)],
            _ => [Failed("Ready", r, at), Failed("ContainerHealthy", r, at)],
        };
    }

    /// <summary>When the revision last changed state: created, ready or failed.</summary>
    private static DateTimeOffset Transition(RunRevisionRecord r, DateTimeOffset now) => r.StateAt(now) switch
    {
        RunRevisionState.Ready => r.Timeline.ReadyAt!.Value,
        RunRevisionState.Failed => r.Timeline.FailAt!.Value,
        _ => r.CreateTime,
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Time(DateTimeOffset t) => RunResourceJson.Time(t);

    public static string FailureMessage(RunRevisionRecord r) =>
        $"Revision '{r.ShortName}' is not ready and cannot serve traffic. {r.Timeline.Message}";

    private static JsonObject Failed(string type, RunRevisionRecord r, string at)
    {
        var c = Condition(type, "CONDITION_FAILED", at);
        c["message"] = FailureMessage(r);
        c["reason"] = "REVISION_FAILED";
        c["severity"] = "ERROR";
        if (r.Timeline.RevisionReason is { } reason)
        {
            c["revisionReason"] = reason;
        }
        return c;
    }

    private static JsonObject Condition(string type, string state, string at) =>
        new() { ["type"] = type, ["state"] = state, ["lastTransitionTime"] = at };
}
