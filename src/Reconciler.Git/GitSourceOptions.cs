namespace Reconciler.Git;

/// <summary>Where to fetch desired state from and how. Credentials are only ever referenced by file path.</summary>
public sealed record GitSourceOptions
{
    /// <summary>https://, ssh://, git@host:org/repo or file:// URL. An http(s) URL carries no user or password: tokens come from <see cref="TokenFile"/>.</summary>
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

    /// <summary>
    /// known_hosts for ssh:// and git@ URLs, checked with StrictHostKeyChecking=yes: an unknown or changed host key
    /// fails the fetch. Nothing is ever added to it (no trust on first use). Without it only the system's
    /// /etc/ssh/ssh_known_hosts is trusted.
    /// </summary>
    public string? KnownHostsFile { get; init; }

    /// <summary>Upper bound for each git command; the process tree is killed when it is exceeded.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>After this many failed fetches in a row the source reports itself stale (<c>ISourceHealth</c>).</summary>
    public int StaleAfterFailedPolls { get; init; } = 5;

    /// <summary>After this many failed fetches in a row the bare cache is deleted and cloned afresh on the next poll.</summary>
    public int RebuildCacheAfterFailures { get; init; } = 3;

    /// <summary>Most manifest files (*.yaml, *.yml) a snapshot's Path may hold; more fails the fetch.</summary>
    public int MaxManifestFiles { get; init; } = 2_000;

    /// <summary>Most bytes all manifest files of a snapshot's Path may hold together; more fails the fetch.</summary>
    public long MaxManifestBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Every problem at once, each naming the field and the fix. Empty when valid.</summary>
    public IReadOnlyList<string> Validate() => GitSourceOptionsValidator.Validate(this);
}
