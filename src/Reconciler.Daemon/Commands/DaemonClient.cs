using System.CommandLine;
using System.Net.Http.Headers;

namespace Reconciler.Daemon.Commands;

/// <summary>The HTTP client of <c>reconciler retry</c> and <c>status</c>: sends the bearer token of --api-token-file when given.</summary>
internal static class DaemonClient
{
    /// <summary>The client, or the one-line problem with the token file (missing, unreadable, empty).</summary>
    public static (HttpClient? Client, string? Problem) Create(string? apiTokenFile)
    {
        string? token = null;
        if (apiTokenFile is not null)
        {
            try
            {
                token = File.ReadAllText(apiTokenFile).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return (null, ex is FileNotFoundException or DirectoryNotFoundException
                    ? $"--api-token-file: file '{apiTokenFile}' does not exist"
                    : $"--api-token-file: cannot read '{apiTokenFile}': {ex.Message}");
            }
            if (token.Length == 0)
            {
                return (null, $"--api-token-file: file '{apiTokenFile}' is empty; put the daemon's API token in it");
            }
        }
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return (http, null);
    }

    public static Option<string?> TokenFileOption() =>
        new("--api-token-file") { Description = "File with the daemon's API token, sent as Authorization: Bearer" };
}
