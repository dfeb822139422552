using System.Text;
using Reconciler.Daemon.Http;

namespace Reconciler.Daemon.Commands;

/// <summary>Plain text table of a status document (no colour codes, so it reads well in CI logs).</summary>
internal static class StatusTable
{
    public static string Render(StatusDocument document)
    {
        var rows = new List<string[]> { new[] { "KIND", "NAME", "SYNC", "HEALTH", "DESIRED", "APPLIED", "LAST KNOWN-GOOD", "MESSAGE" } };
        rows.AddRange(document.Resources.Select(r => new[]
        {
            r.Kind, r.Name, r.Sync, r.Health, Short(r.DesiredRevision), Short(r.AppliedRevision), LastSegment(r.LastKnownGood), r.Message,
        }));
        var widths = Enumerable.Range(0, rows[0].Length - 1).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        if (document.Source.Description.Length > 0)
        {
            text.Append("source: ").Append(document.Source.Description).Append(" @ ").Append(Short(document.Source.Revision));
            if (document.Source.Error is not null) text.Append("  fetch error: ").Append(document.Source.Error);
            text.AppendLine();
        }
        foreach (var error in document.Source.ManifestErrors) text.Append("  manifest error: ").AppendLine(error);
        if (document.Shard is { } shard)
        {
            // A shard lists only its own resources: say so, or a reader takes the rest for missing.
            text.AppendLine($"shard {shard.Index}/{shard.Count}: {shard.Resources} resources here, {shard.OtherShards} on the other shards (ask pod ordinal N for shard N)");
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length - 1; i++) text.Append(row[i].PadRight(widths[i] + 2));
            text.AppendLine(row[^1]);
        }
        return text.ToString();
    }

    private static string Short(string? revision) => string.IsNullOrEmpty(revision) ? "-" : revision.Length > 12 ? revision[..12] : revision;

    private static string LastSegment(string? arn) => arn is null ? "-" : arn[(arn.LastIndexOf('/') + 1)..];
}
