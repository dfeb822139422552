namespace Reconciler.Daemon.Http;

/// <summary>The status page's head: meta refresh and a small inline stylesheet (no external assets to fetch).</summary>
internal static class StatusPageStyle
{
    public static string Head(int refreshSeconds) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="refresh" content="{{refreshSeconds}}">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Reconciler status</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; background: #fff; }
        h1 { margin: 0; font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; } h3 { font-size: 1rem; }
        .muted { color: #656d76; } .bad { color: #b42318; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .5rem; vertical-align: top; }
        thead th { border-bottom: 2px solid #d0d7de; } tr.resource td { border-top: 1px solid #d0d7de; }
        tr.events ul, ul.errors { margin: 0; padding-left: 1.2rem; } tr.events li { font-size: .9em; }
        .rev { font-family: ui-monospace, monospace; font-size: .9em; } .name { font-weight: 600; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-size: .85em; font-weight: 600; }
        .ok { background: #dafbe1; color: #116329; } .warn { background: #fff8c5; color: #7d4e00; }
        .err { background: #ffebe9; color: #b42318; } .unknown { background: #eaeef2; color: #424a53; }
        </style>
        </head>
        <body>

        """;

    /// <summary>Badge colour per status word (sync and health share the page).</summary>
    public static string Class(string status) => status switch
    {
        "Synced" or "Healthy" or "passed" => "ok",
        "OutOfSync" or "Progressing" or "Suspended" or "running" => "warn",
        "Degraded" or "Missing" or "failed" => "err",
        _ => "unknown",
    };
}
