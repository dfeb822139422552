using System.CommandLine;
using System.Net.Http.Json;
using Reconciler.Daemon.Http;

namespace Reconciler.Daemon.Commands;

/// <summary><c>reconciler status [--url]</c>: reads a running daemon's /status and prints a table.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base URL of the daemon", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var tokenFile = DaemonClient.TokenFileOption();
        var command = new Command("status", "Show sync and health of every resource of a running daemon") { url, tokenFile };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(url)!, parse.GetValue(tokenFile), Console.Out, Console.Error, ct));
        return command;
    }

    internal static Task<int> RunAsync(string url, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(url, apiTokenFile: null, stdout, stderr, ct);

    /// <summary><paramref name="apiTokenFile"/> is needed only when the daemon runs with --status-requires-token.</summary>
    internal static async Task<int> RunAsync(string url, string? apiTokenFile, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (client, problem) = DaemonClient.Create(apiTokenFile);
        if (client is null)
        {
            await stderr.WriteLineAsync($"error: {problem}");
            return 2;
        }
        StatusDocument? document;
        try
        {
            using var http = client;
            document = await http.GetFromJsonAsync<StatusDocument>(new Uri(new Uri(url.TrimEnd('/') + "/"), "status"), StatusDocument.Json, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or UriFormatException)
        {
            await stderr.WriteLineAsync($"error: cannot read status from {url}: {ex.Message}");
            return 1;
        }
        if (document is null)
        {
            await stderr.WriteLineAsync($"error: {url}/status returned nothing");
            return 1;
        }
        await stdout.WriteAsync(StatusTable.Render(document));
        return document.Resources.Any(r => r.Health is "Degraded" or "Missing") ? 3 : 0;
    }
}
