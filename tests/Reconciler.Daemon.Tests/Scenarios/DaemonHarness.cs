using Reconciler.Daemon.Hosting;
using Reconciler.Emulator.Hosting;
using Reconciler.Testing.Git;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// A scenario's world: a git repository of manifests, an emulator playing the cloud, and the real daemon between them
/// (started with --repo file://..., --emulator, --listen 127.0.0.1:0). The emulator outlives the daemon, so a scenario
/// can stop the daemon mid-rollout and start a new one against the same cloud.
/// </summary>
internal sealed class DaemonHarness : IAsyncDisposable
{
    private readonly HarnessOptions _options;
    private readonly string _workDir = Directory.CreateTempSubdirectory("reconciler-daemon-").FullName;

    private DaemonHarness(HarnessOptions options, TempGitRepo repo, EmulatorHost emulator)
    {
        _options = options;
        Repo = repo;
        Emulator = emulator;
        Cloud = new CloudView(emulator);
    }

    public TempGitRepo Repo { get; }
    public EmulatorHost Emulator { get; }
    public CloudView Cloud { get; }
    public RunningDaemon Daemon { get; private set; } = null!;
    public string? WebhookSecretFile { get; private set; }
    public string? ApiTokenFile { get; private set; }

    /// <summary>Commits <paramref name="initialYaml"/> (if any) and starts the daemon on it.</summary>
    public static async Task<DaemonHarness> StartAsync(HarnessOptions? options = null, string? initialYaml = null)
    {
        options ??= new HarnessOptions();
        var repo = TempGitRepo.Init();
        if (initialYaml is not null) repo.WriteFile(WebManifest.File, initialYaml);
        repo.Commit("initial");
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Speed = options.Speed });
        var harness = new DaemonHarness(options, repo, emulator);
        await harness.StartDaemonAsync();
        return harness;
    }

    public RunSettings Settings() => _options.Configure(new RunSettings
    {
        Repo = Repo.Url,
        Branch = _options.Branch,
        Emulator = true,
        EmulatorSpeed = _options.Speed,
        Listen = new System.Net.IPEndPoint(_options.ListenAddress, 0),
        Resync = _options.Resync,
        PollInterval = _options.PollInterval,
        WebhookSecretFile = WebhookSecretFile,
        ApiTokenFile = ApiTokenFile,
        StatusRequiresToken = _options.StatusRequiresToken,
        WorkDir = _workDir,
        LogFormat = "text",
    });

    /// <summary>A fresh work directory (for a second daemon beside the first: each keeps its own git cache).</summary>
    public string NewWorkDir() => Directory.CreateDirectory(Path.Combine(_workDir, $"daemon-{Guid.NewGuid():N}")).FullName;

    /// <summary>Commits the web manifest and makes the daemon fetch it; returns the commit SHA.</summary>
    public async Task<string> PushAsync(string yaml, string message)
    {
        var sha = Commit(yaml, message);
        await Daemon.FetchAsync(sha);
        return sha;
    }

    public string Commit(string yaml, string message)
    {
        Repo.WriteFile(WebManifest.File, yaml);
        return Repo.Commit(message);
    }

    /// <summary>Stops the daemon (as a kill would, minus the abruptness of a process exit) and starts a fresh one on the same repo and cloud.</summary>
    public async Task RestartDaemonAsync()
    {
        await Daemon.DisposeAsync();
        await StartDaemonAsync();
    }

    public async Task StopDaemonAsync() => await Daemon.DisposeAsync();

    public async Task StartDaemonAsync()
    {
        if (_options.WebhookSecret is { } secret && WebhookSecretFile is null)
        {
            WebhookSecretFile = Path.Combine(_workDir, "webhook-secret");
            await File.WriteAllTextAsync(WebhookSecretFile, secret + "\n");
        }
        if (_options.ApiToken is { } token && ApiTokenFile is null)
        {
            ApiTokenFile = Path.Combine(_workDir, "api-token");
            await File.WriteAllTextAsync(ApiTokenFile, token + "\n");
        }
        Daemon = await RunningDaemon.StartAsync(Settings(), Emulator);
    }

    public async ValueTask DisposeAsync()
    {
        await Daemon.DisposeAsync();
        await Emulator.DisposeAsync();
        Cloud.Dispose();
        Repo.Dispose();
        Directory.Delete(_workDir, recursive: true);
    }
}
