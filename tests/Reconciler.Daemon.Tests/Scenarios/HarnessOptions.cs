namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>How a scenario's daemon runs. Durations are simulated time: at Speed 600 a 10-minute deadline is one wall second.</summary>
internal sealed record HarnessOptions
{
    public double Speed { get; init; } = 600;

    public TimeSpan Resync { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Long on purpose: scenarios fetch through the trigger or the webhook, so only they explain a fetch.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromHours(1);

    public string? WebhookSecret { get; init; }

    /// <summary>Written to a file passed as --api-token-file (with a trailing newline, as an editor would save it).</summary>
    public string? ApiToken { get; init; }

    public bool StatusRequiresToken { get; init; }

    /// <summary>The --listen address (port 0 always); IPAddress.Any listens beyond loopback.</summary>
    public System.Net.IPAddress ListenAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>The branch the daemon follows; the repository's commits go to main.</summary>
    public string Branch { get; init; } = "main";

    /// <summary>Any other setting of the daemon (allow-lists, write budget, shard), applied last.</summary>
    public Func<Reconciler.Daemon.Hosting.RunSettings, Reconciler.Daemon.Hosting.RunSettings> Configure { get; init; } = s => s;
}
