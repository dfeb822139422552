using System.CommandLine;

namespace Reconciler.Daemon.Commands;

/// <summary>
/// <c>reconciler retry NAME</c>: lifts the failed-rollout pin of a resource once, so a running daemon applies the
/// same spec again (without a git change). The daemon otherwise never re-applies a spec that was rolled back.
/// </summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Resource name (metadata.name)" };
        var kind = new Option<string?>("--kind") { Description = "Resource kind; needed only when several declared kinds share the name" };
        var url = new Option<string>("--url") { Description = "Base URL of the daemon", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var tokenFile = DaemonClient.TokenFileOption();
        var command = new Command("retry", "Retry a resource whose rollout failed and was rolled back") { name, kind, url, tokenFile };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(url)!, parse.GetValue(kind), parse.GetValue(name)!, parse.GetValue(tokenFile), Console.Out, Console.Error, ct));
        return command;
    }

    internal static Task<int> RunAsync(string url, string? kind, string name, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunAsync(url, kind, name, apiTokenFile: null, stdout, stderr, ct);

    internal static async Task<int> RunAsync(string url, string? kind, string name, string? apiTokenFile, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (client, problem) = DaemonClient.Create(apiTokenFile);
        if (client is null)
        {
            await stderr.WriteLineAsync($"error: {problem}");
            return 2;
        }
        try
        {
            using var http = client;
            var path = kind is null ? Uri.EscapeDataString(name) : $"{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(name)}";
            var target = new Uri($"{url.TrimEnd('/')}/retry/{path}");
            using var response = await http.PostAsync(target, content: null, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                await stderr.WriteLineAsync($"error: {(int)response.StatusCode} {body}");
                return 1;
            }
            await stdout.WriteLineAsync(body);
            return 0;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await stderr.WriteLineAsync($"error: cannot reach the daemon at {url}: {ex.Message}");
            return 1;
        }
    }
}
