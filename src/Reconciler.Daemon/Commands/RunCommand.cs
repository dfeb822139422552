using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Reconciler.Daemon.Hosting;

namespace Reconciler.Daemon.Commands;

/// <summary>
/// <c>reconciler run</c>: the long-running daemon. Every flag can also come from appsettings.json or RECONCILER_*
/// environment variables. Without --emulator, missing AWS credentials stop it at start with a clear message.
/// </summary>
internal static class RunCommand
{
    private static readonly (string Flag, string Key, string Help)[] Flags =
    [
        ("--repo", "repo", "Git repository URL (https://, ssh://, file://) holding the manifests"),
        ("--branch", "branch", "Branch to follow (default main)"),
        ("--path", "path", "Folder inside the repository (default .)"),
        ("--manifests", "manifests", "Plain directory of manifests (instead of --repo)"),
        ("--listen", "listen", "HOST:PORT for /healthz /readyz /status /metrics /hooks/git (default 127.0.0.1:8080)"),
        ("--resync", "resync", "Drift-detection resync interval (default 60s)"),
        ("--poll-interval", "pollInterval", "How often the source is polled (default 60s)"),
        ("--webhook-secret-file", "webhookSecretFile", "File with the webhook HMAC secret (enables POST /hooks/git)"),
        ("--api-token-file", "apiTokenFile", "File with the bearer token POST /retry requires (without it /retry answers only on a loopback --listen)"),
        ("--token-file", "tokenFile", "File with an HTTPS token for the git repository"),
        ("--ssh-key-file", "sshKeyFile", "SSH private key file for the git repository"),
        ("--known-hosts-file", "knownHostsFile", "known_hosts for ssh:// repositories, checked strictly (no trust on first use)"),
        ("--git-timeout", "gitTimeout", "Upper bound for each git command, killed when exceeded (default 2m)"),
        ("--workers", "workers", "Concurrent reconciles (default 4)"),
        ("--prune-max-orphans", "pruneMaxOrphans", "Prune refuses a snapshot orphaning more prune-enabled resources than this at once (default 5)"),
        ("--prune-max-orphan-share", "pruneMaxOrphanShare", "... or more than this share of the declared resources, 0 to 1 (default 0.5)"),
        ("--allow-aws-accounts", "allowAwsAccounts", "Comma-separated AWS account ids the daemon may write to (default: any)"),
        ("--allow-aws-regions", "allowAwsRegions", "Comma-separated AWS regions the daemon may write to (default: any)"),
        ("--allow-ecs-clusters", "allowEcsClusters", "Comma-separated ECS cluster names the daemon may write to (default: any)"),
        ("--allow-gcp-projects", "allowGcpProjects", "Comma-separated GCP projects the daemon may write to (default: any)"),
        ("--allow-gcp-regions", "allowGcpRegions", "Comma-separated GCP regions the daemon may write to (default: any)"),
        ("--max-writes-per-minute", "maxWritesPerMinute", "Cloud write calls per minute for the whole daemon, all clouds together (default 0: no limit)"),
        ("--shard", "shard", "N/M: reconcile only the resources whose key hashes to shard N of M (default: from the pod's StatefulSet ordinal and --shards, else 0/1)"),
        ("--shards", "shards", "Replica count of the StatefulSet; this replica's number is the ordinal at the end of POD_NAME (default 1)"),
        ("--log-format", "logFormat", "auto | json | text (default auto: text on a terminal, JSON otherwise)"),
        ("--work-dir", "workDir", "Cache folder for git snapshots"),
        ("--emulator-speed", "emulatorSpeed", "Simulated-time speed of the embedded emulator (default 60)"),
    ];

    public static Command Create()
    {
        var options = Flags.Select(f => (f.Key, Option: new Option<string?>(f.Flag) { Description = f.Help })).ToList();
        var emulator = new Option<bool>("--emulator") { Description = "Run against an embedded emulator on a loopback port (demo, tests)" };
        var statusRequiresToken = new Option<bool>("--status-requires-token") { Description = "GET /status and the status page need the --api-token-file token too (/healthz, /readyz, /metrics stay open)" };
        var command = new Command("run", "Run the reconcile daemon");
        foreach (var (_, option) in options) command.Options.Add(option);
        command.Options.Add(emulator);
        command.Options.Add(statusRequiresToken);
        command.SetAction((parse, ct) =>
        {
            var overrides = options.Where(o => parse.GetValue(o.Option) is not null)
                .ToDictionary(o => o.Key, o => parse.GetValue(o.Option));
            if (parse.GetValue(emulator)) overrides["emulator"] = "true";
            if (parse.GetValue(statusRequiresToken)) overrides["statusRequiresToken"] = "true";
            return RunAsync(overrides, Console.Error, ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(IDictionary<string, string?> overrides, TextWriter stderr, CancellationToken ct)
    {
        var config = new ConfigurationBuilder()
            // The StatefulSet ordinal comes from the pod name (the chart sets POD_NAME; the hostname is the same in a pod).
            .AddInMemoryCollection(new Dictionary<string, string?> { ["podName"] = Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName })
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables("RECONCILER_")
            .AddInMemoryCollection(overrides)
            .Build();
        var (settings, errors) = RunSettings.Bind(config);
        if (settings is null)
        {
            foreach (var error in errors) await stderr.WriteLineAsync($"error: {error}");
            return 2;
        }
        if (ListenCheck.Problem(settings.Listen) is { } problem)
        {
            await stderr.WriteLineAsync($"error: {problem}");
            return 2;
        }
        var logger = Logging.Create(settings.LogFormat);
        try
        {
            await using var app = await DaemonHost.BuildAsync(settings, logger, ct);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        }
        catch (StartupException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
        catch (IOException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await stderr.WriteLineAsync($"error: {ListenCheck.InUse(settings.Listen)}");
            return 2;
        }
        finally
        {
            (logger as IDisposable)?.Dispose();
        }
    }
}
