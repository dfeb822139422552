using System.Text.Json.Nodes;

namespace Reconciler.Emulator.Run;

/// <summary>One immutable revision: its template (server defaults filled in), when it was made and its planned life.</summary>
internal sealed record RunRevisionRecord(string Name, string ShortName, string Uid, JsonObject Template, long Generation, DateTimeOffset CreateTime, RunTimeline Timeline)
{
    public RunRevisionState StateAt(DateTimeOffset now) => Timeline.StateAt(now);
}
