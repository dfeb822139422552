namespace Reconciler.Git;

/// <summary>Where to fetch desired state from and how. Credentials are only ever referenced by file path.</summary>
public sealed record GitSourceOptions
{
    /// <summary>https://, ssh://, git@host:org/repo or file:// URL, without an embedded password.</summary>
    public required string Url { get; init; }

    public string Branch { get; init; } = "main";

    /// <summary>Sub-folder inside the repository that holds the manifests ("." = repository root).</summary>
    public string Path { get; init; } = ".";

    /// <summary>Local cache folder owned by this source (bare cache, snapshots, an isolated HOME).</summary>
    public required string WorkDir { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>File holding an HTTPS token; read by a GIT_ASKPASS helper so the token is never in arguments or environment.</summary>
    public string? TokenFile { get; init; }

    /// <summary>User name sent with the token (GitHub accepts any; GitLab expects "oauth2").</summary>
    public string TokenUsername { get; init; } = "x-access-token";

    /// <summary>Private key for ssh:// and git@ URLs.</summary>
    public string? SshKeyFile { get; init; }

    /// <summary>Upper bound for each git command; the process tree is killed when it is exceeded.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Every problem at once, each naming the field and the fix. Empty when valid.</summary>
    public IReadOnlyList<string> Validate() => GitSourceOptionsValidator.Validate(this);
}
