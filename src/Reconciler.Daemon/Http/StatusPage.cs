using System.Globalization;
using System.Net;
using System.Text;

namespace Reconciler.Daemon.Http;

/// <summary>
/// The read-only page at <c>/</c>: the source and every resource as plain HTML, built from the same
/// <see cref="StatusDocument"/> as <c>/status</c>. Every value is HTML-encoded (messages quote cloud and git text);
/// the page reloads itself every few seconds, so there is no script and no front-end build.
/// </summary>
internal static class StatusPage
{
    public const int RefreshSeconds = 5;
    private const int EventsShown = 5;

    public static string Render(StatusDocument status, DateTimeOffset now)
    {
        var html = new StringBuilder(StatusPageStyle.Head(RefreshSeconds));
        html.Append("<header><h1>Reconciler</h1><p class=\"muted\">as of ").Append(E(Time(now)))
            .Append(" · reloads every ").Append(RefreshSeconds).Append(" s</p></header>\n");
        Source(html, status.Source);
        Resources(html, status.Resources);
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Source(StringBuilder html, SourceDocument source)
    {
        html.Append("<section id=\"source\"><h2>Source</h2><dl>")
            .Append("<dt>From</dt><dd>").Append(E(source.Description)).Append("</dd>")
            .Append("<dt>Revision</dt><dd class=\"rev\">").Append(E(source.Revision ?? "not fetched yet")).Append("</dd>")
            .Append("<dt>Last fetch</dt><dd>").Append(E(source.LastFetchAt is { } at ? Time(at) : "never")).Append("</dd>");
        if (source.Error is not null)
        {
            html.Append("<dt>Fetch error</dt><dd class=\"bad\">").Append(E(source.Error)).Append("</dd>");
        }
        html.Append("</dl>\n");
        if (source.ManifestErrors.Count > 0)
        {
            html.Append("<h3 class=\"bad\">Manifest errors (").Append(source.ManifestErrors.Count).Append(")</h3><ul class=\"errors\">");
            foreach (var error in source.ManifestErrors)
            {
                html.Append("<li>").Append(E(error)).Append("</li>");
            }
            html.Append("</ul>\n");
        }
        html.Append("</section>\n");
    }

    private static void Resources(StringBuilder html, IReadOnlyList<ResourceDocument> resources)
    {
        html.Append("<section id=\"resources\"><h2>Resources (").Append(resources.Count).Append(")</h2>\n");
        if (resources.Count == 0)
        {
            html.Append("<p class=\"muted\">No resources yet.</p></section>\n");
            return;
        }
        html.Append("<table><thead><tr><th>Kind</th><th>Name</th><th>Sync</th><th>Health</th><th>Applied</th><th>Desired</th>")
            .Append("<th>Last known-good</th><th>Message</th></tr></thead><tbody>\n");
        foreach (var r in resources)
        {
            html.Append("<tr class=\"resource\" data-name=\"").Append(E(r.Name)).Append("\"><td>").Append(E(r.Kind)).Append("</td><td class=\"name\">").Append(E(r.Name))
                .Append("</td><td>").Append(Badge(r.Sync)).Append("</td><td>").Append(Badge(r.Health))
                .Append("</td><td class=\"rev\">").Append(E(Short(r.AppliedRevision))).Append("</td><td class=\"rev\">").Append(E(Short(r.DesiredRevision)))
                .Append("</td><td class=\"rev\" title=\"").Append(E(r.LastKnownGood ?? "")).Append("\">").Append(E(Version(r.LastKnownGood))).Append("</td><td>").Append(E(r.Message)).Append("</td></tr>\n");
            Verification(html, r.Verification);
            Events(html, r.Events);
        }
        html.Append("</tbody></table></section>\n");
    }

    /// <summary>The latest <c>spec.verify</c> run: its result, and each check's counts and last evidence.</summary>
    private static void Verification(StringBuilder html, Engine.Status.VerificationStatus? verification)
    {
        if (verification is null) return;
        html.Append("<tr class=\"verification\"><td></td><td colspan=\"7\">verify ").Append(E(Version(verification.Target))).Append(": ")
            .Append(Badge(verification.Result)).Append(" since ").Append(E(Time(verification.StartedAt))).Append("<ul>");
        foreach (var c in verification.Checks)
        {
            html.Append("<li class=\"").Append(c.Last == "pass" || c.Last is null ? "muted" : "bad").Append("\">").Append(E(c.Name)).Append(" (").Append(E(c.Kind))
                .Append(string.Create(CultureInfo.InvariantCulture, $"): {c.Passes} passed, {c.Failures} failed, {c.Inconclusives} inconclusive"));
            if (c.Evidence is not null)
            {
                html.Append(" — last: ").Append(E(c.Evidence));
            }
            html.Append("</li>");
        }
        html.Append("</ul></td></tr>\n");
    }

    private static void Events(StringBuilder html, IReadOnlyList<EventDocument> events)
    {
        if (events.Count == 0) return;
        html.Append("<tr class=\"events\"><td></td><td colspan=\"7\"><ul>");
        foreach (var e in events.TakeLast(EventsShown).Reverse())
        {
            html.Append("<li class=\"").Append(e.Type == "Warning" ? "bad" : "muted").Append("\">").Append(E(Time(e.At))).Append(' ')
                .Append(E(e.Reason)).Append(": ").Append(E(e.Message)).Append("</li>");
        }
        html.Append("</ul></td></tr>\n");
    }

    private static string Badge(string status) =>
        $"<span class=\"badge {StatusPageStyle.Class(status)}\">{E(status)}</span>";

    /// <summary>"web:1" for a task definition ARN (the full value is the cell's tooltip).</summary>
    private static string Version(string? knownGood) => knownGood is null ? "—" : knownGood[(knownGood.LastIndexOf('/') + 1)..];

    private static string Short(string? revision) => revision is null ? "—" : revision.Length > 12 ? revision[..12] : revision;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
