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
        env["GIT_ASKPASS"] = options.TokenFile is null ? null : WriteAskPass(options, homeDir);
        env["GIT_SSH_COMMAND"] = SshCommand(options.SshKeyFile, homeDir);
        return env;
    }

    private static string SshCommand(string? keyFile, string homeDir)
    {
        // ssh resolves ~ from the password database, not HOME, so known_hosts and config are pinned explicitly.
        var command = $"ssh -F /dev/null -o UserKnownHostsFile={Quote(Path.Combine(homeDir, "known_hosts"))} "
            + "-o StrictHostKeyChecking=accept-new -o BatchMode=yes";
        return keyFile is null ? command : $"{command} -i {Quote(keyFile)} -o IdentitiesOnly=yes";
    }

    /// <summary>The script reads the token file each time, so a rotated secret is picked up and the token never sits in our memory or environment.</summary>
    private static string WriteAskPass(GitSourceOptions options, string homeDir)
    {
        var script = Path.Combine(homeDir, "askpass.sh");
        var body = "#!/bin/sh\n"
            + "case \"$1\" in\n"
            + $"  Username*) printf '%s\\n' {Quote(options.TokenUsername)} ;;\n"
            + $"  *) tr -d '\\r\\n' < {Quote(Path.GetFullPath(options.TokenFile!))}; echo ;;\n"
            + "esac\n";
        File.WriteAllText(script, body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return script;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
