using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sharding;
using Reconciler.Git;
using Reconciler.Manifests.Binding;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// Settings of <c>reconciler run</c>. Sources, lowest first: defaults, <c>appsettings.json</c>, environment variables
/// <c>RECONCILER_*</c> (e.g. RECONCILER_REPO, RECONCILER_RESYNC=30s), command-line flags. Validated at start: a bad
/// value is one clear line and exit code 2, never a stack trace.
/// </summary>
internal sealed record RunSettings
{
    public string? Repo { get; init; }
    public string Branch { get; init; } = "main";
    public string Path { get; init; } = ".";
    public string? Manifests { get; init; }
    public bool Emulator { get; init; }
    public double EmulatorSpeed { get; init; } = 60;
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 8080);
    public TimeSpan Resync { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);
    public string? WebhookSecretFile { get; init; }
    public string? TokenFile { get; init; }

    /// <summary>File holding the bearer token of the mutating endpoints (POST /retry); the content is read at start, never logged.</summary>
    public string? ApiTokenFile { get; init; }

    /// <summary>GET /status and the status page need the bearer token too (probes and /metrics stay open).</summary>
    public bool StatusRequiresToken { get; init; }
    public string? SshKeyFile { get; init; }
    public string? KnownHostsFile { get; init; }
    public TimeSpan GitTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public int Workers { get; init; } = 4;

    /// <summary>Prune refuses a snapshot that would orphan more than this many prune-enabled resources at once.</summary>
    public double PruneMaxOrphans { get; init; } = PruneLimits.Default.MaxOrphans;

    /// <summary>... or more than this share (0 to 1) of the resources the last accepted snapshot declared.</summary>
    public double PruneMaxOrphanShare { get; init; } = PruneLimits.Default.MaxOrphanShare;
    /// <summary>Where writes may go (<c>--allow-aws-accounts</c> ...); an empty list allows every value of its scope.</summary>
    public WriteAllowList WriteAllowList { get; init; } = WriteAllowList.AllowAll;

    /// <summary>Cloud write calls per minute for the whole daemon, every platform together; 0 = no limit.</summary>
    public double MaxWritesPerMinute { get; init; }

    /// <summary>The resource keys this replica owns (<c>--shard N/M</c>, or the StatefulSet ordinal and <c>--shards</c>).</summary>
    public ShardAssignment Shard { get; init; } = ShardAssignment.Single;
    public string LogFormat { get; init; } = "auto";
    public string WorkDir { get; init; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reconciler");

    public static (RunSettings? Settings, IReadOnlyList<string> Errors) Bind(IConfiguration config)
    {
        var errors = new List<string>();
        var d = new RunSettings();
        var settings = new RunSettings
        {
            Repo = config["repo"],
            Branch = config["branch"] ?? d.Branch,
            Path = config["path"] ?? d.Path,
            Manifests = config["manifests"],
            Emulator = Bool(config, "emulator", d.Emulator, errors),
            EmulatorSpeed = Number(config, "emulatorSpeed", d.EmulatorSpeed, errors),
            Listen = Endpoint(config["listen"], d.Listen, errors),
            Resync = Duration(config, "resync", d.Resync, errors),
            PollInterval = Duration(config, "pollInterval", d.PollInterval, errors),
            WebhookSecretFile = config["webhookSecretFile"],
            TokenFile = config["tokenFile"],
            ApiTokenFile = config["apiTokenFile"],
            StatusRequiresToken = Bool(config, "statusRequiresToken", d.StatusRequiresToken, errors),
            SshKeyFile = config["sshKeyFile"],
            KnownHostsFile = config["knownHostsFile"],
            GitTimeout = Duration(config, "gitTimeout", d.GitTimeout, errors),
            Workers = (int)Number(config, "workers", d.Workers, errors),
            PruneMaxOrphans = Number(config, "pruneMaxOrphans", d.PruneMaxOrphans, errors),
            PruneMaxOrphanShare = Number(config, "pruneMaxOrphanShare", d.PruneMaxOrphanShare, errors),
            WriteAllowList = AllowList(config, errors),
            MaxWritesPerMinute = Number(config, "maxWritesPerMinute", d.MaxWritesPerMinute, errors),
            Shard = ResolveShard(config, errors),
            LogFormat = config["logFormat"] ?? d.LogFormat,
            WorkDir = config["workDir"] ?? d.WorkDir,
        };
        errors.AddRange(settings.Validate());
        return errors.Count == 0 ? (settings, errors) : (null, errors);
    }

    private IEnumerable<string> Validate()
    {
        if ((Repo is null) == (Manifests is null))
        {
            yield return "give exactly one desired-state source: --repo URL (git) or --manifests DIR (plain directory)";
        }
        // The git source's own checks (no credentials in the URL, no token over http://, files exist) at start, one line each.
        foreach (var gitProblem in Repo is null ? [] : GitOptions().Validate())
        {
            yield return gitProblem;
        }
        if (Manifests is not null && !Directory.Exists(Manifests))
        {
            yield return $"--manifests: directory '{Manifests}' does not exist";
        }
        if (WebhookSecretFile is not null && SecretFileProblem(WebhookSecretFile, "the secret configured on the repository webhook") is { } problem)
        {
            yield return $"--webhook-secret-file: {problem}";
        }
        if (ApiTokenFile is not null && SecretFileProblem(ApiTokenFile, "the bearer token clients send (e.g. openssl rand -hex 32)") is { } tokenProblem)
        {
            yield return $"--api-token-file: {tokenProblem}";
        }
        if (StatusRequiresToken && ApiTokenFile is null)
        {
            yield return "--status-requires-token needs --api-token-file FILE: the token /status would require";
        }
        if (LogFormat is not ("auto" or "json" or "text"))
        {
            yield return $"--log-format must be auto, json or text, not '{LogFormat}'";
        }
        if (Workers is < 1 or > 64)
        {
            yield return "--workers must be between 1 and 64";
        }
        if (PruneMaxOrphans < 0 || PruneMaxOrphans != Math.Floor(PruneMaxOrphans) || PruneMaxOrphans > int.MaxValue)
        {
            yield return $"--prune-max-orphans must be a whole number of resources, 0 or more (0: never prune), not {PruneMaxOrphans.ToString(CultureInfo.InvariantCulture)}";
        }
        if (PruneMaxOrphanShare is < 0 or > 1 || double.IsNaN(PruneMaxOrphanShare))
        {
            yield return $"--prune-max-orphan-share must be between 0 and 1 (0.5: at most half of the declared resources; 1: no share limit), not {PruneMaxOrphanShare.ToString(CultureInfo.InvariantCulture)}";
        }
        if (MaxWritesPerMinute < 0 || MaxWritesPerMinute != Math.Floor(MaxWritesPerMinute) || MaxWritesPerMinute > 1_000_000)
        {
            yield return $"--max-writes-per-minute must be a whole number of writes, 0 or more (0: no limit), not {MaxWritesPerMinute.ToString(CultureInfo.InvariantCulture)}";
        }
        if (EmulatorSpeed is <= 0 or > 100_000)
        {
            yield return "--emulator-speed must be between 0 and 100000";
        }
    }

    /// <summary>
    /// The settings key of each allow-list scope, from its flag (<c>--allow-aws-accounts</c> is key <c>allowAwsAccounts</c>,
    /// env <c>RECONCILER_ALLOWAWSACCOUNTS</c>): the scopes and their flags are the core's, not the daemon's to name.
    /// </summary>
    internal static readonly (WriteScope Scope, string Key)[] AllowListKeys = Enum.GetValues<WriteScope>()
        .Select(scope => (scope, CamelCase(WriteAllowList.Flag(scope))))
        .ToArray();

    private static string CamelCase(string flag)
    {
        var words = flag.TrimStart('-').Split('-');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>Comma-separated lists; an AWS account must be its 12 digits (a typo must not silently refuse everything).</summary>
    internal static WriteAllowList AllowList(IConfiguration config, List<string> errors)
    {
        var lists = new Dictionary<WriteScope, IReadOnlyList<string>>();
        foreach (var (scope, key) in AllowListKeys)
        {
            var values = (config[key] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var bad in values.Where(v => scope == WriteScope.AwsAccount && (v.Length != 12 || !v.All(char.IsAsciiDigit))))
            {
                errors.Add($"{WriteAllowList.Flag(scope)}: '{bad}' is not an AWS account id (12 digits, e.g. 123456789012)");
            }
            lists[scope] = values;
        }
        return new WriteAllowList(lists);
    }

    /// <summary>--shard N/M, else the pod's StatefulSet ordinal (podName: POD_NAME or the hostname) with --shards.</summary>
    private static ShardAssignment ResolveShard(IConfiguration config, List<string> errors)
    {
        var (shard, error) = ShardSettings.Resolve(config["shard"], config["shards"], config["podName"]);
        if (error is not null)
        {
            errors.Add(error);
        }
        return shard ?? ShardAssignment.Single;
    }

    /// <summary>The prune guard's limits (checked by <see cref="Validate"/> before this is called).</summary>
    public PruneLimits PruneGuardLimits() => new((int)PruneMaxOrphans, PruneMaxOrphanShare);

    /// <summary>The git source these settings describe (only meaningful when <see cref="Repo"/> is set).</summary>
    public GitSourceOptions GitOptions() => new()
    {
        Url = Repo ?? "",
        Branch = Branch,
        Path = Path,
        WorkDir = WorkDir,
        PollInterval = PollInterval,
        TokenFile = TokenFile,
        SshKeyFile = SshKeyFile,
        KnownHostsFile = KnownHostsFile,
        Timeout = GitTimeout,
    };

    /// <summary>Checked here so a missing, unreadable or empty secret is one line at start, not a crash when /hooks/git is mapped.</summary>
    private static string? SecretFileProblem(string path, string whatBelongsInIt)
    {
        try
        {
            return File.ReadAllText(path).Trim().Length == 0
                ? $"file '{path}' is empty; put {whatBelongsInIt} in it"
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex is FileNotFoundException or DirectoryNotFoundException
                ? $"file '{path}' does not exist"
                : $"cannot read '{path}': {ex.Message}";
        }
    }

    private static TimeSpan Duration(IConfiguration c, string key, TimeSpan fallback, List<string> errors)
    {
        var text = c[key];
        if (text is null) return fallback;
        if (Durations.TryParse(text, out var value) && value > TimeSpan.Zero) return value;
        errors.Add($"{key}: '{text}' is not a duration; write it like 30s, 5m or 1h");
        return fallback;
    }

    private static bool Bool(IConfiguration c, string key, bool fallback, List<string> errors)
    {
        var text = c[key];
        if (text is null) return fallback;
        if (bool.TryParse(text, out var value)) return value;
        errors.Add($"{key}: '{text}' is not true or false");
        return fallback;
    }

    private static double Number(IConfiguration c, string key, double fallback, List<string> errors)
    {
        var text = c[key];
        if (text is null) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add($"{key}: '{text}' is not a number");
        return fallback;
    }

    private static IPEndPoint Endpoint(string? text, IPEndPoint fallback, List<string> errors)
    {
        if (text is null) return fallback;
        var normalized = text.Replace("localhost", "127.0.0.1", StringComparison.OrdinalIgnoreCase);
        // IPEndPoint.TryParse reads a bare "8080" as the IPv4 address 0.0.31.144: insist on HOST:PORT written out.
        var colon = normalized.LastIndexOf(':');
        var host = colon > 0 ? normalized[..colon].Trim('[', ']') : "";
        var written = host.Count(c => c == '.') == 3 || host.Contains(':');
        if (written && IPEndPoint.TryParse(normalized, out var endpoint))
        {
            return endpoint;
        }
        errors.Add($"listen: '{text}' is not HOST:PORT (e.g. 127.0.0.1:8080, or 0.0.0.0:8080 in a cluster)");
        return fallback;
    }
}
