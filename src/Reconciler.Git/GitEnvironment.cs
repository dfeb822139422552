using System.Collections;

namespace Reconciler.Git;

/// <summary>
/// The environment every git command runs with: no prompts, no system or user configuration, an isolated
/// HOME, and credentials supplied only by file reference (askpass script, ssh -i), never by value.
/// </summary>
internal static class GitEnvironment
{
    public static IReadOnlyDictionary<string, string?> Create(GitSourceOptions options, string homeDir)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Drop inherited GIT_* (GIT_DIR, GIT_SSH_COMMAND, ...) so the daemon's own environment cannot redirect git.
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith("GIT_", StringComparison.Ordinal))
            {
                env[name] = null;
            }
        }
        env["GIT_TERMINAL_PROMPT"] = "0";
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        env["GIT_CONFIG_GLOBAL"] = "/dev/null";
        env["HOME"] = homeDir;
        env["XDG_CONFIG_HOME"] = homeDir;
        env["SSH_ASKPASS"] = null;
        env["GIT_ASKPASS"] = options.TokenFile is not null && AskPassPrompts.For(options) is { } prompts ? WriteAskPass(options, prompts, homeDir) : null;
        env["GIT_SSH_COMMAND"] = SshCommand(options);
        return env;
    }

    /// <summary>
    /// StrictHostKeyChecking=yes against the configured known_hosts (or none, leaving only the system's): an unknown
    /// or changed host key fails the fetch, and ssh never writes a key it has not been given (issue 9: trust-on-first-use
    /// into a known_hosts under /tmp trusted any key again after every restart). ssh resolves ~ from the password
    /// database, not HOME, so the files are pinned explicitly.
    /// </summary>
    private static string SshCommand(GitSourceOptions options)
    {
        var knownHosts = options.KnownHostsFile is null ? "/dev/null" : Path.GetFullPath(options.KnownHostsFile);
        var command = $"ssh -F /dev/null -o UserKnownHostsFile={Quote(knownHosts)} -o StrictHostKeyChecking=yes -o BatchMode=yes";
        return options.SshKeyFile is null ? command : $"{command} -i {Quote(options.SshKeyFile)} -o IdentitiesOnly=yes";
    }

    /// <summary>
    /// The script answers only git's prompts for the repository's own scheme and host (a redirect or submodule to
    /// another host gets nothing), and reads the token file each time, so a rotated secret is picked up and the token
    /// never sits in our memory or environment.
    /// </summary>
    private static string WriteAskPass(GitSourceOptions options, AskPassPrompts prompts, string homeDir)
    {
        var script = Path.Combine(homeDir, "askpass.sh");
        var body = "#!/bin/sh\n"
            + "case \"$1\" in\n"
            + $"  {prompts.UsernamePattern}) printf '%s\\n' {Quote(options.TokenUsername)} ;;\n"
            + $"  {prompts.PasswordPattern}) tr -d '\\r\\n' < {Quote(Path.GetFullPath(options.TokenFile!))}; echo ;;\n"
            + "  *) echo 'askpass: refusing a prompt for another host' >&2; exit 1 ;;\n"
            + "esac\n";
        File.WriteAllText(script, body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return script;
    }

    internal static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
