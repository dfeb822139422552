namespace Reconciler.Git;

/// <summary>Checks options before any git process runs, so a typo fails at start-up with the fix in the message.</summary>
internal static class GitSourceOptionsValidator
{
    private static readonly string[] Schemes = ["https://", "http://", "ssh://", "git@", "file://"];
    private static readonly char[] ForbiddenBranchChars = [' ', '\t', ':', '~', '^', '?', '*', '[', '\\'];

    public static IReadOnlyList<string> Validate(GitSourceOptions options)
    {
        var errors = new List<string>();
        CheckUrl(options.Url, errors);
        CheckBranch(options.Branch, errors);
        CheckPath(options.Path, errors);
        if (string.IsNullOrWhiteSpace(options.WorkDir))
        {
            errors.Add("git source WorkDir is empty: set it to a writable cache folder, e.g. /var/lib/reconciler/git.");
        }
        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"git source PollInterval {options.PollInterval} must be positive, e.g. 00:01:00.");
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"git source Timeout {options.Timeout} must be positive, e.g. 00:02:00.");
        }
        CheckFile("TokenFile", options.TokenFile, errors);
        CheckFile("SshKeyFile", options.SshKeyFile, errors);
        CheckFile("KnownHostsFile", options.KnownHostsFile, errors);
        if (options.TokenFile is not null && options.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"git source Url '{CredentialRedactor.RedactUrls(options.Url)}' is plain http:// but a TokenFile is set: "
                + "the token would cross the network unencrypted; use the https:// URL of the repository.");
        }
        CheckPositive("StaleAfterFailedPolls", options.StaleAfterFailedPolls, errors);
        CheckPositive("RebuildCacheAfterFailures", options.RebuildCacheAfterFailures, errors);
        CheckPositive("MaxManifestFiles", options.MaxManifestFiles, errors);
        CheckPositive("MaxManifestBytes", options.MaxManifestBytes, errors);
        return errors;
    }

    private static void CheckUrl(string url, List<string> errors)
    {
        if (!Schemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"git source Url '{CredentialRedactor.RedactUrls(url)}' is not supported: use https://, ssh://, git@host:org/repo or file://.");
        }
        else if (CredentialRedactor.HasHttpUserInfo(url))
        {
            // https://TOKEN@host/... would put the token into git's argv, the cache's config, /status and logs.
            errors.Add($"git source Url '{CredentialRedactor.RedactUrls(url)}' carries credentials before '@': "
                + "remove them from the URL and put the token in a file given as TokenFile (--token-file).");
        }
        else if (CredentialRedactor.HasPassword(url))
        {
            errors.Add($"git source Url '{CredentialRedactor.RedactUrls(url)}' embeds a password: remove it and put the token in TokenFile.");
        }
    }

    private static void CheckBranch(string branch, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(branch) || branch.StartsWith('-') || branch.Contains("..", StringComparison.Ordinal)
            || branch.IndexOfAny(ForbiddenBranchChars) >= 0)
        {
            errors.Add($"git source Branch '{branch}' is not a valid branch name: use a name such as 'main' or 'release/1.2'.");
        }
    }

    private static void CheckPath(string path, List<string> errors)
    {
        var parts = path.Replace('\\', '/').Split('/');
        if (string.IsNullOrWhiteSpace(path) || System.IO.Path.IsPathRooted(path) || parts.Contains(".."))
        {
            errors.Add($"git source Path '{path}' must be a folder inside the repository, e.g. '.' or 'deploy/prod'.");
        }
    }

    private static void CheckPositive(string field, long value, List<string> errors)
    {
        if (value <= 0)
        {
            errors.Add($"git source {field} is {value}: it must be a positive number.");
        }
    }

    private static void CheckFile(string field, string? file, List<string> errors)
    {
        if (file is not null && !File.Exists(file))
        {
            errors.Add($"git source {field} '{file}' does not exist: mount the secret there or unset {field}.");
        }
    }
}
