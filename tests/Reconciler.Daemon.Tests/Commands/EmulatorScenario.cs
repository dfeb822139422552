using Reconciler.Daemon.Commands;
using Reconciler.Daemon.Hosting;
using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Hosting;
using Reconciler.Emulator.Wire;
using Reconciler.Manifests.Loading;
using Reconciler.Platforms.Ecs;
using Reconciler.Platforms.Ecs.Wire;
using Reconciler.Platforms.Ecs.Wire.Auth;
using Api = Reconciler.Platforms.Ecs.Wire.Ecs;

namespace Reconciler.Daemon.Tests.Commands;

/// <summary>
/// One emulator ("the cloud") shared by the CLI runs of a test, each run on a fresh <see cref="CloudConnection"/>
/// (= a new process). Everything a run prints or logs is kept, so tests can look for leaked secrets.
/// </summary>
internal sealed class EmulatorScenario : IAsyncDisposable
{
    public const double Speed = 600;

    /// <summary>The ECS, SSM and Cloud Run operations that change something.</summary>
    public static readonly string[] WriteOperations =
    [
        "RegisterTaskDefinition", "CreateService", "UpdateService", "TagResource", "DeregisterTaskDefinition", "UntagResource",
        "DeleteService", "PutParameter", "DeleteParameter", "services.create", "services.patch", "services.delete",
    ];

    private readonly EcsRegionClients _inspect;

    private EmulatorScenario(EmulatorHost host, string manifests)
    {
        Host = host;
        Manifests = manifests;
        _inspect = new EcsRegionClients(AwsEndpointResolver.Fixed(host.BaseUri), StaticCredentialsSource.Emulator);
    }

    public EmulatorHost Host { get; }

    public EmulatorControl State => Host.State;

    /// <summary>A private copy of the examples (or of what a test wrote) that the test may edit.</summary>
    public string Manifests { get; }

    /// <summary>Every line printed or logged by every run so far.</summary>
    public List<string> Output { get; } = [];

    /// <summary>The emulator with a copy of the examples (and their clusters) — or, given <paramref name="yaml"/>, just that manifest.</summary>
    public static async Task<EmulatorScenario> StartAsync(string? yaml = null, bool seed = true, FaultOptions? faults = null)
    {
        var dir = Directory.CreateTempSubdirectory("reconciler-scenario-").FullName;
        if (yaml is not null)
        {
            File.WriteAllText(Path.Combine(dir, "manifests.yaml"), yaml);
        }
        foreach (var file in yaml is null ? Directory.GetFiles(Testing.RepoPaths.Examples, "*.yaml") : [])
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Speed = Speed, Faults = faults ?? FaultOptions.None });
        var scenario = new EmulatorScenario(host, dir);
        if (seed)
        {
            EmulatorSeed.Seed(host.State, new ManifestLoader().LoadPaths([dir]).Manifests);
        }
        return scenario;
    }

    public async Task<CliRun> ApplyAsync(string? revision = null, bool noWait = false, Core.Guardrails.WriteAllowList? allowList = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var logs = new LogCapture();
        using var logger = logs.CreateLogger();
        await using var cloud = CloudConnection.Attach(Host, Speed);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exit = await ApplyCommand.RunAsync([Manifests], noWait, revision, cloud, logger, stdout, stderr, timeout.Token, allowList);
        return Record(new CliRun(exit, stdout.ToString(), stderr.ToString(), logs.Lines));
    }

    public async Task<CliRun> DiffAsync(bool exitCode = true, Core.Guardrails.WriteAllowList? allowList = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        await using var cloud = CloudConnection.Attach(Host, Speed);
        var exit = await DiffCommand.RunAsync([Manifests], exitCode, cloud, stdout, stderr, CancellationToken.None, allowList);
        return Record(new CliRun(exit, stdout.ToString(), stderr.ToString(), []));
    }

    /// <summary>Successful write calls so far, by operation.</summary>
    public Dictionary<string, int> Writes() =>
        State.Calls(CallOutcome.Succeeded).Values.SelectMany(ops => ops)
            .Where(op => WriteOperations.Contains(op.Key)).GroupBy(op => op.Key).ToDictionary(g => g.Key, g => g.Sum(op => op.Value));

    public async Task<Api.Service> ServiceAsync(string region, string cluster, string name)
    {
        var response = await _inspect.For(region).Ecs.DescribeServicesAsync(new Api.DescribeServicesRequest { Cluster = cluster, Services = [name], Include = ["TAGS"] });
        return response.Services.Single();
    }

    /// <summary>Lets simulated time pass, a minute at a time (at most an hour), until the service has one deployment and all tasks running.</summary>
    public async Task<Api.Service> SettleAsync(string region, string cluster, string name)
    {
        for (var minute = 0; minute < 60; minute++)
        {
            var service = await ServiceAsync(region, cluster, name);
            if (service.Deployments?.Count == 1 && service.RunningCount == service.DesiredCount)
            {
                return service;
            }
            State.AdvanceTime(TimeSpan.FromMinutes(1));
        }
        Assert.Fail($"{name} did not settle within an hour of simulated time");
        throw new InvalidOperationException();
    }

    public async Task<IReadOnlyList<string>> RevisionsAsync(string region, string family)
    {
        var response = await _inspect.For(region).Ecs.ListTaskDefinitionsAsync(new Api.ListTaskDefinitionsRequest { FamilyPrefix = family });
        return response.TaskDefinitionArns.Where(a => a.Contains($"/{family}:", StringComparison.Ordinal)).ToList();
    }

    public async Task<Api.TaskDefinition> TaskDefinitionAsync(string region, string arn) =>
        (await _inspect.For(region).Ecs.DescribeTaskDefinitionAsync(new Api.DescribeTaskDefinitionRequest { TaskDefinition = arn })).TaskDefinition!;

    /// <summary>Replaces text in one manifest file of the private copy.</summary>
    public void Edit(string file, string from, string to, int occurrence = 0)
    {
        var path = Path.Combine(Manifests, file);
        var text = File.ReadAllText(path);
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(from, at + 1, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{from}' (occurrence {occurrence}) not found in {file}");
        }
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
    }

    private CliRun Record(CliRun run)
    {
        Output.AddRange(run.Stdout.Split('\n'));
        Output.AddRange(run.Stderr.Split('\n'));
        Output.AddRange(run.Logs);
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        _inspect.Dispose();
        await Host.DisposeAsync();
        Directory.Delete(Manifests, recursive: true);
    }
}

/// <summary>What one CLI run returned, printed and logged.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> Logs)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- logs\n{string.Join('\n', Logs)}";
}
