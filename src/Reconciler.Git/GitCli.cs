using Reconciler.Core.Sources;
using Reconciler.Git.Processes;

namespace Reconciler.Git;

/// <summary>Runs one git command in the clean environment and turns failure into a redacted, readable <see cref="SourceException"/>.</summary>
internal sealed class GitCli(IProcessRunner runner, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, string? tokenFile)
{
    /// <param name="what">Names the step for the error, e.g. "git fetch of branch 'main' from https://host/repo".</param>
    public async Task<string> RunAsync(string what, string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var request = new ProcessRequest("git", arguments, workingDirectory, environment, timeout);
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SourceException($"{what} failed: could not start git ({e.Message}); install git 2.30 or later and put it on PATH.", e);
        }

        if (result.TimedOut)
        {
            throw new SourceException($"{what} timed out after {timeout.TotalSeconds:0}s; check network access to the remote or raise the git Timeout.");
        }
        if (result.ExitCode != 0)
        {
            throw new SourceException($"{what} failed: {Redact(Summarize(result.StandardError))}{Hint(result.StandardError)}");
        }
        return result.StandardOutput;
    }

    /// <summary>StrictHostKeyChecking=yes turns an unknown host into this error: say where the key belongs.</summary>
    private static string Hint(string stderr) =>
        stderr.Contains("Host key verification failed", StringComparison.Ordinal)
            ? "; the server's SSH host key is not trusted: add it to the file given as --known-hosts-file (KnownHostsFile), checked out of band"
            : "";

    private string Redact(string text) => CredentialRedactor.Redact(text, ReadToken());

    private string? ReadToken()
    {
        try
        {
            return tokenFile is null ? null : File.ReadAllText(tokenFile).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>git prefixes its messages with "fatal: " / "error: "; the remaining lines joined read as one sentence.</summary>
    private static string Summarize(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => StripPrefix(line, "fatal: "))
            .Select(line => StripPrefix(line, "error: "))
            .ToArray();
        return lines.Length == 0 ? "git exited with an error and printed nothing" : string.Join("; ", lines);
    }

    private static string StripPrefix(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : line;
}
