namespace Reconciler.Git;

/// <summary>
/// The <c>case</c> patterns (POSIX sh) matching git's credential prompts for one repository, e.g.
/// <c>Username for 'https://git.example': </c> and <c>Password for 'https://x-access-token@git.example': </c>.
/// Each pattern is a quoted literal followed by <c>*</c>, so a host that merely starts or ends alike does not match.
/// </summary>
internal sealed record AskPassPrompts(string UsernamePattern, string PasswordPattern)
{
    /// <summary>Null when the URL is not http(s): only those ask for a token.</summary>
    public static AskPassPrompts? For(GitSourceOptions options)
    {
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }
        // git names the host as written in the URL: with an explicit port, also when it is the default one.
        var hosts = new[] { $"{uri.Scheme}://{uri.IdnHost}", $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}" };
        var usernames = hosts.Select(h => Literal($"Username for '{h}'"));
        var passwords = hosts.SelectMany(h => new[]
        {
            Literal($"Password for '{h}'"),
            Literal($"Password for '{h.Replace("://", $"://{options.TokenUsername}@", StringComparison.Ordinal)}'"),
        });
        return new AskPassPrompts(string.Join('|', usernames), string.Join('|', passwords));
    }

    /// <summary>A single-quoted sh literal and then any suffix (git appends ": ").</summary>
    private static string Literal(string text) => GitEnvironment.Quote(text) + "*";
}
