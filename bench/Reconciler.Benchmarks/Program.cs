using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Seams;
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

namespace Reconciler.Benchmarks;

/// <summary>
/// Steady-state resync cost: N ECS services in one cluster on the in-process emulator, converged once with
/// <c>apply</c>, then timed resync passes through the daemon's code path (IPassObserver.BeginPassAsync over all
/// manifests, then ObserveAsync + Decider.Decide per key, one after another) against a naive baseline
/// (per service: DescribeServices of one name + DescribeTaskDefinition).
/// The daemon is also measured as its own process: the JIT build, and with <c>--aot PATH</c> the Native AOT build the
/// image ships (README "Benchmark" has the two commands).
/// </summary>
public static class Program
{
    public static readonly string[] WriteOperations = EmulatorWrites.Operations;

    private const int ApplyBatch = 100;

    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: --services 100,1000 --latency-ms 20 --passes 3 --idle-seconds 3 --speed 60 --process-idle-seconds 20 --converge 30 [--aot artifacts/aot/reconciler] [--scrape-seconds 15] [--cloud-run false] --out artifacts/bench.json");
            return 2;
        }
        var report = await RunAsync(options, Console.Out);
        return report.Results.All(r => Clean(r.Daemon) && (r.CloudRunDaemon is null || Clean(r.CloudRunDaemon))) ? 0 : 1;

        static bool Clean(PassResult pass) => pass.WritesPerPass == 0 && pass.NotInSync == 0;
    }

    /// <summary>Runs every size, prints the Markdown table to <paramref name="log"/> and writes the JSON file.</summary>
    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter log)
    {
        var results = new List<SizeResult>();
        foreach (var n in options.Services)
        {
            results.Add(await RunSizeAsync(n, options, log));
        }
        var converge = options.Converge > 0 ? await ConvergeAsync(Math.Min(options.Converge, options.Services.Max()), options, log) : null;
        var report = new BenchReport(DateTimeOffset.UtcNow, Environment.ProcessorCount, RuntimeVersion(), options.LatencyMs, options.Speed,
            options.Passes, options.IdleSeconds,
            "setup: manifests converged with ApplyCommand (the real apply path, waits for rollouts), one apply per 100 services, on the emulator at the given speed; "
            + "the ECS call policy's rate limits follow the simulated clock, so the RegisterTaskDefinition quota is not the setup bottleneck. "
            + "No state is seeded besides the cluster.",
            results, converge);
        var table = Markdown(report);
        await log.WriteLineAsync(table);
        if (options.Out is not null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(options.Out));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }
            await File.WriteAllTextAsync(options.Out, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
            await log.WriteLineAsync($"wrote {options.Out}");
        }
        return report;
    }

    private static async Task<SizeResult> RunSizeAsync(int n, BenchOptions options, TextWriter log)
    {
        var dir = Directory.CreateTempSubdirectory("reconciler-bench-").FullName;
        try
        {
            var manifests = Generate(dir, n, "svc", Manifest);
            if (manifests.Count != n)
            {
                throw new InvalidOperationException($"generated {n} manifests, loaded {manifests.Count}");
            }
            await using var host = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                Port = 0, Speed = options.Speed, Faults = new FaultOptions { LatencyMs = options.LatencyMs },
            });
            EmulatorSeed.Seed(host.State, manifests);

            var setup = await ApplyInBatchesAsync(host, dir, options);
            await log.WriteLineAsync($"N={n}: converged with apply in {setup.TotalSeconds:F1} s");

            await using var cloud = CloudConnection.Attach(host, options.Speed);
            var platform = cloud.Platforms.First(p => p.Handles(manifests[0]));
            // One warm-up pass of each (JIT, connection pool), not measured.
            await DaemonPassAsync(platform, manifests, cloud.Time);
            using var clients = new EcsRegionClients(AwsEndpointResolver.Fixed(host.BaseUri), StaticCredentialsSource.Emulator);
            await NaivePassAsync(clients, manifests);
            // Let the runtime finish what setup and warm-up left behind (tiered JIT, GC) before the first idle-CPU reading.
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));

            var daemon = await MeasureAsync(host, options, () => DaemonPassAsync(platform, manifests, cloud.Time));
            var naive = await MeasureAsync(host, options, async () => { await NaivePassAsync(clients, manifests); return 0; });
            var alone = new List<ProcessResult>();
            if (options.ProcessIdleSeconds > 0)
            {
                // One after the other, so neither's first pass runs in the other's idle window.
                foreach (var binary in DaemonBinaries(options))
                {
                    if (await DaemonProcessAsync(host, dir, n, binary, options, log) is { } measured)
                    {
                        alone.Add(measured);
                    }
                }
            }
            (PassResult Daemon, PassResult Naive)? cloudRun = options.CloudRun ? await CloudRunSizeAsync(n, options, log) : null;
            var result = new SizeResult(n, setup.TotalSeconds, daemon, naive, alone, cloudRun?.Daemon, cloudRun?.Naive);
            await log.WriteLineAsync($"N={n}: daemon {daemon.CallsPerPass} calls/pass, {daemon.WallMs:F0} ms; naive {naive.CallsPerPass} calls/pass, {naive.WallMs:F0} ms");
            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// N manifests written in folders of ApplyBatch services (setup applies one folder at a time, see
    /// <see cref="ApplyInBatchesAsync"/>), loaded back in key order.
    /// </summary>
    private static List<ResourceManifest> Generate(string dir, int n, string prefix, Func<int, string> manifest)
    {
        for (var i = 0; i < n; i++)
        {
            var batch = Directory.CreateDirectory(Path.Combine(dir, $"batch-{i / ApplyBatch:D3}")).FullName;
            File.WriteAllText(Path.Combine(batch, $"{prefix}-{i:D5}.yaml"), manifest(i));
        }
        return new ManifestLoader().LoadPaths([dir]).Manifests.OrderBy(m => m.Key.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One <c>apply</c> (fresh connection, as a new process) per folder of ApplyBatch services, so each one's
    /// quota bursts and rate limits (simulated clock) cover it. Returns the wall time.
    /// </summary>
    private static async Task<TimeSpan> ApplyInBatchesAsync(EmulatorHost host, string dir, BenchOptions options)
    {
        var setup = Stopwatch.StartNew();
        foreach (var batch in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
        {
            await using var applyCloud = CloudConnection.Attach(host, options.Speed);
            using var logger = new Serilog.LoggerConfiguration().CreateLogger();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await ApplyCommand.RunAsync([batch], false, "bench", applyCloud, logger, stdout, stderr, timeout.Token);
            if (exit != 0)
            {
                throw new InvalidOperationException($"apply of {batch} exited {exit}\n{Tail(stdout.ToString())}\n{Tail(stderr.ToString())}");
            }
        }
        return setup.Elapsed;
    }

    /// <summary>
    /// Cloud Run: N services in one project and region, converged with <c>apply</c> on their own emulator, then the
    /// daemon's pass (BeginPassAsync lists the location, each key observed and decided in turn) against a naive loop
    /// (one <c>services.get</c> per service, as <c>gcloud run services describe</c> in a loop does).
    /// </summary>
    private static async Task<(PassResult Daemon, PassResult Naive)> CloudRunSizeAsync(int n, BenchOptions options, TextWriter log)
    {
        var dir = Directory.CreateTempSubdirectory("reconciler-bench-run-").FullName;
        try
        {
            var manifests = Generate(dir, n, "run", CloudRunManifest);
            await using var host = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                Port = 0, Speed = options.Speed, Faults = new FaultOptions { LatencyMs = options.LatencyMs },
            });
            var setup = await ApplyInBatchesAsync(host, dir, options);
            await log.WriteLineAsync($"N={n}: Cloud Run converged with apply in {setup.TotalSeconds:F1} s");
            await using var cloud = CloudConnection.Attach(host, options.Speed);
            var platform = cloud.Platforms.First(p => p.Handles(manifests[0]));
            // Any bearer token: the emulator checks one is sent, as the Admin API does.
            using var http = new HttpClient { BaseAddress = host.BaseUri };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "emulator");
            await DaemonPassAsync(platform, manifests, cloud.Time);
            await NaiveCloudRunPassAsync(http, manifests);
            var daemon = await MeasureAsync(host, options, () => DaemonPassAsync(platform, manifests, cloud.Time));
            var naive = await MeasureAsync(host, options, async () => { await NaiveCloudRunPassAsync(http, manifests); return 0; });
            await log.WriteLineAsync($"N={n}: Cloud Run daemon {daemon.CallsPerPass} calls/pass, {daemon.WallMs:F0} ms; naive {naive.CallsPerPass} calls/pass, {naive.WallMs:F0} ms");
            return (daemon, naive);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task NaiveCloudRunPassAsync(HttpClient http, IReadOnlyList<ResourceManifest> manifests)
    {
        foreach (var run in manifests.OfType<Reconciler.Core.CloudRun.CloudRunServiceManifest>())
        {
            using var response = await http.GetAsync($"v2/projects/{run.Spec.Project}/locations/{run.Spec.Region}/services/{run.Metadata.Name}");
            response.EnsureSuccessStatusCode();
        }
    }

    private static string CloudRunManifest(int i) => $$"""
        apiVersion: reconciler/v1alpha1
        kind: CloudRunService
        metadata:
          name: run-{{i:D5}}
        spec:
          project: bench-project
          region: europe-west1
          containers:
            - name: app
              image: europe-west1-docker.pkg.dev/bench-project/app/app:v1
              ports:
                - containerPort: 8080
              resources:
                cpu: "1"
                memory: 512Mi
              startupProbe:
                httpGet:
                  path: /health
                  port: 8080
                period: 5s
                timeout: 3s
                failureThreshold: 12
          scaling:
            minInstances: 1
            maxInstances: 10
          traffic:
            - latest: true
              percent: 100

        """;

    /// <summary>
    /// Throughput against the API quota: K new services created on an emulator running at real speed (1), so the
    /// RegisterTaskDefinition quota (AwsCallOptions: a burst of 5, then 1 a second) is the real one. The daemon's path
    /// reconciles every key at once (what the work queue's workers do), each write waiting only for its token; the
    /// naive path deploys one service after another. Both end when the last service's writes are done (apply
    /// --no-wait), so rollout time, which the quota does not govern, is not in the figure. Floor: (K − burst) / rate.
    /// </summary>
    private static async Task<ConvergeResult> ConvergeAsync(int k, BenchOptions options, TextWriter log)
    {
        var quota = new Reconciler.Platforms.Ecs.Resilience.AwsCallOptions();
        var floor = Math.Max(0, k - quota.RegistrationBurst) / quota.RegistrationsPerSecond;
        var daemon = await ConvergeOnceAsync(k, "conv", options, sequential: false);
        var naive = await ConvergeOnceAsync(k, "seq", options, sequential: true);
        var result = new ConvergeResult(k, floor, daemon, daemon / Math.Max(floor, 1e-9), naive, naive / Math.Max(floor, 1e-9));
        await log.WriteLineAsync($"K={k} new services: daemon {daemon:F1} s, naive {naive:F1} s, quota floor {floor:F1} s");
        return result;
    }

    private static async Task<double> ConvergeOnceAsync(int k, string prefix, BenchOptions options, bool sequential)
    {
        var dir = Directory.CreateTempSubdirectory("reconciler-bench-converge-").FullName;
        try
        {
            for (var i = 0; i < k; i++)
            {
                File.WriteAllText(Path.Combine(dir, $"{prefix}-{i:D5}.yaml"), Manifest(i).Replace("svc-", prefix + "-", StringComparison.Ordinal));
            }
            var manifests = new ManifestLoader().LoadPaths([dir]).Manifests;
            await using var host = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                Port = 0, Speed = 1, Faults = new FaultOptions { LatencyMs = options.LatencyMs },
            });
            EmulatorSeed.Seed(host.State, manifests);
            await using var cloud = CloudConnection.Attach(host, 1);
            using var logger = new Serilog.LoggerConfiguration().CreateLogger();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
            var clock = Stopwatch.StartNew();
            string[][] rounds = sequential ? Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => new[] { f }).ToArray() : [[dir]];
            foreach (var paths in rounds)
            {
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                var exit = await ApplyCommand.RunAsync(paths, true, "bench", cloud, logger, stdout, stderr, timeout.Token);
                if (exit != 0)
                {
                    throw new InvalidOperationException($"apply of {string.Join(' ', paths)} exited {exit}\n{Tail(stdout.ToString())}\n{Tail(stderr.ToString())}");
                }
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var created = host.State.CallCount("CreateService", CallOutcome.Succeeded);
            return created == k ? seconds : throw new InvalidOperationException($"{k} services planned, {created} CreateService calls");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The daemon alone, as its own process: <c>reconciler run --manifests</c> on the generated folder against this
    /// emulator (AWS_ENDPOINT_URL), resync 10 minutes so no pass falls in the window. Once every service is Synced
    /// (its first pass done) and a settle pause has passed, the process's RSS (/proc/PID/status VmRSS) and CPU time
    /// (/proc/PID/stat) are read over the idle window; the emulator's call counters say whether the daemon called
    /// anything in it. Linux only (the figures come from /proc).
    /// </summary>
    /// <summary>
    /// The daemon builds measured as their own process: the JIT build beside the benchmark (<c>dotnet reconciler.dll</c>)
    /// and, with <c>--aot PATH</c>, the Native AOT executable the container image ships (docs/architecture.md, "Footprint").
    /// </summary>
    private static IEnumerable<DaemonBinary> DaemonBinaries(BenchOptions options)
    {
        yield return new DaemonBinary("JIT (dotnet reconciler.dll)", "dotnet", Path.Combine(AppContext.BaseDirectory, "reconciler.dll"));
        if (options.Aot is { } aot)
        {
            yield return new DaemonBinary("Native AOT (the image's /app/reconciler)", Path.GetFullPath(aot), null);
        }
    }

    private sealed record DaemonBinary(string Build, string Executable, string? Dll)
    {
        public string File => Dll ?? Executable;
    }

    private static async Task<ProcessResult?> DaemonProcessAsync(EmulatorHost host, string dir, int n, DaemonBinary binary, BenchOptions options, TextWriter log)
    {
        if (!File.Exists(binary.File) || !Directory.Exists("/proc/self"))
        {
            await log.WriteLineAsync($"N={n}: {binary.Build} not measured ({binary.File} or /proc missing)");
            return null;
        }
        var port = FreePort();
        var work = Directory.CreateTempSubdirectory("reconciler-bench-work-");
        string[] arguments = ["run", "--manifests", dir, "--listen", $"127.0.0.1:{port}", "--resync", "10m",
            "--poll-interval", "10m", "--log-format", "json", "--work-dir", work.FullName];
        var start = new ProcessStartInfo(binary.Executable, binary.Dll is null ? arguments : [binary.Dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_ENDPOINT_URL"] = host.BaseUri.ToString();
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIAEMULATOR";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "emulator-secret";
        start.Environment["CLOUD_RUN_ENDPOINT"] = host.BaseUri.ToString();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("reconciler run did not start");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var synced = Stopwatch.StartNew();
            while (await SyncedAsync(http) < n)
            {
                if (process.HasExited || synced.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new InvalidOperationException($"N={n}: {binary.Build} did not report {n} services Synced within 10 minutes (exited: {process.HasExited})");
                }
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
            var calls = host.State.Calls(CallOutcome.Received).Values.SelectMany(ops => ops).Sum(op => op.Value);
            var cpu = CpuSeconds(process.Id);
            var window = Stopwatch.StartNew();
            var scrapes = 0;
            var peak = 0.0;
            if (options.ScrapeSeconds > 0)
            {
                // As Prometheus would: /metrics every S seconds through the window; RSS read after each.
                while (window.Elapsed.TotalSeconds + options.ScrapeSeconds <= options.ProcessIdleSeconds)
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.ScrapeSeconds));
                    _ = await http.GetStringAsync("metrics");
                    scrapes++;
                    peak = Math.Max(peak, Memory(process.Id).Rss);
                }
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, options.ProcessIdleSeconds - window.Elapsed.TotalSeconds)));
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(options.ProcessIdleSeconds));
            }
            var idleCpu = (CpuSeconds(process.Id) - cpu) / window.Elapsed.TotalSeconds;
            var callsIdle = host.State.Calls(CallOutcome.Received).Values.SelectMany(ops => ops).Sum(op => op.Value) - calls;
            var memory = Memory(process.Id);
            peak = Math.Max(peak, memory.Rss);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"N={n}: {binary.Build}: {synced.Elapsed.TotalSeconds:F0} s to Synced, RSS {memory.Rss:F0} MiB (anon {memory.Anon:F0}, file {memory.File:F0}, shmem {memory.Shmem:F0}), idle CPU {idleCpu * 100:F2} % over {options.ProcessIdleSeconds:0} s, {scrapes} scrapes (peak RSS {peak:F0} MiB), {callsIdle} calls in the window"));
            return new ProcessResult(binary.Build, memory.Rss, memory.Anon, memory.File, memory.Shmem, idleCpu * 100, options.ProcessIdleSeconds, callsIdle,
                synced.Elapsed.TotalSeconds, scrapes, peak);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            work.Delete(recursive: true);
        }
    }

    private static async Task<int> SyncedAsync(HttpClient http)
    {
        try
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("status"));
            return doc.RootElement.GetProperty("resources").EnumerateArray().Count(r => r.GetProperty("sync").GetString() == "Synced");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>utime + stime of the process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>VmRSS and its parts from /proc/PID/status: anonymous (heaps), file-backed (mapped binaries), shared memory (the JIT's code).</summary>
    private static (double Rss, double Anon, double File, double Shmem) Memory(int pid)
    {
        var kib = File.ReadLines($"/proc/{pid}/status")
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0] is "VmRSS" or "RssAnon" or "RssFile" or "RssShmem")
            .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0);
        return (kib["VmRSS"], kib["RssAnon"], kib["RssFile"], kib["RssShmem"]);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The daemon's resync: batch observation up front, then each key observed and decided in turn. Returns the keys not InSync.</summary>
    private static async Task<int> DaemonPassAsync(IPlatform platform, IReadOnlyList<ResourceManifest> manifests, TimeProvider time)
    {
        if (platform is IPassObserver observer)
        {
            await observer.BeginPassAsync(manifests, CancellationToken.None);
        }
        var notInSync = 0;
        foreach (var manifest in manifests)
        {
            var observation = await platform.ObserveAsync(manifest, CancellationToken.None);
            var decision = platform.Decider.Decide(observation, new DecisionContext(time.GetUtcNow(), "bench"));
            if (decision is not Decision.InSync)
            {
                notInSync++;
            }
        }
        return notInSync;
    }

    private static async Task NaivePassAsync(EcsRegionClients clients, IReadOnlyList<ResourceManifest> manifests)
    {
        foreach (var ecs in manifests.OfType<EcsServiceManifest>())
        {
            var ecsClient = clients.For(ecs.Spec.Region).Ecs;
            var described = await ecsClient.DescribeServicesAsync(new Api.DescribeServicesRequest { Cluster = ecs.Spec.Cluster, Services = [ecs.Metadata.Name], Include = ["TAGS"] });
            var service = described.Services.Single();
            await ecsClient.DescribeTaskDefinitionAsync(new Api.DescribeTaskDefinitionRequest { TaskDefinition = service.TaskDefinition! });
        }
    }

    private static async Task<PassResult> MeasureAsync(EmulatorHost host, BenchOptions options, Func<Task<int>> pass)
    {
        var before = Snapshot(host);
        var wall = new List<double>();
        var notInSync = 0;
        for (var i = 0; i < options.Passes; i++)
        {
            var watch = Stopwatch.StartNew();
            notInSync = Math.Max(notInSync, await pass());
            wall.Add(watch.Elapsed.TotalMilliseconds);
        }
        var after = Snapshot(host);
        var calls = after.Where(kv => kv.Value - before.GetValueOrDefault(kv.Key) > 0)
            .ToDictionary(kv => kv.Key, kv => (double)(kv.Value - before.GetValueOrDefault(kv.Key)) / options.Passes);
        var writes = calls.Where(kv => WriteOperations.Contains(kv.Key)).Sum(kv => kv.Value);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var rss = process.WorkingSet64;
        var cpuBefore = process.TotalProcessorTime;
        var idle = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
        process.Refresh();
        var cpuIdle = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / idle.Elapsed.TotalSeconds;
        wall.Sort();
        return new PassResult(calls.Values.Sum(), new SortedDictionary<string, double>(calls), writes, wall[wall.Count / 2], wall[0], wall[^1],
            rss / (1024.0 * 1024.0), cpuIdle, notInSync);
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(15));

    private static Dictionary<string, int> Snapshot(EmulatorHost host) =>
        host.State.Calls(CallOutcome.Received).Values.SelectMany(ops => ops)
            .GroupBy(op => op.Key).ToDictionary(g => g.Key, g => g.Sum(op => op.Value));

    private static string Manifest(int i) => $$"""
        apiVersion: reconciler/v1alpha1
        kind: EcsService
        metadata:
          name: svc-{{i:D5}}
          labels:
            app: bench
        spec:
          region: us-east-1
          cluster: bench
          desiredCount: 1
          taskDefinition:
            family: svc-{{i:D5}}
            cpu: "256"
            memory: "512"
            networkMode: awsvpc
            requiresCompatibilities: [FARGATE]
            runtimePlatform:
              cpuArchitecture: X86_64
            containers:
              - name: app
                image: registry.example/bench:v1
                portMappings:
                  - containerPort: 8080
                environment:
                  SERVICE_INDEX: "{{i}}"
                healthCheck:
                  command: [CMD-SHELL, "wget -q -O /dev/null http://localhost:8080/health || exit 1"]
                  interval: 30s
                  timeout: 5s
                  retries: 3
                  startPeriod: 30s
          service:
            launchType: FARGATE
            networkConfiguration:
              awsvpc:
                subnets: [subnet-1]
                securityGroups: [sg-1]
          deployment:
            circuitBreaker: {enable: true, rollback: true}

        """;

    public static string Markdown(BenchReport report)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"Emulator latency {report.LatencyMs} ms per call, speed {report.Speed}, {report.ProcessorCount} cores, {report.Runtime}; median of {report.Passes} passes; idle CPU over {report.IdleSeconds} s.");
        s.AppendLine();
        s.AppendLine("| N | path | cloud calls / pass | by operation | writes / pass | pass wall (ms) | RSS after GC (MiB) | idle CPU (ms/s) |");
        s.AppendLine("|---:|---|---:|---|---:|---:|---:|---:|");
        foreach (var r in report.Results)
        {
            Row(s, r.Services, "ECS daemon (BeginPass + Observe/Decide)", r.Daemon);
            Row(s, r.Services, "ECS naive (Describe 1 + DescribeTaskDefinition)", r.Naive);
            if (r.CloudRunDaemon is { } runDaemon && r.CloudRunNaive is { } runNaive)
            {
                Row(s, r.Services, "Cloud Run daemon (BeginPass lists the location + Observe/Decide)", runDaemon);
                Row(s, r.Services, "Cloud Run naive (services.get per service)", runNaive);
            }
        }
        if (report.Results.Any(r => r.DaemonProcesses.Count > 0))
        {
            s.AppendLine();
            s.AppendLine("The daemon alone, as its own process (`reconciler run --manifests` against this emulator), after every service is Synced:");
            s.AppendLine();
            s.AppendLine("| N | build | RSS (MiB) | anon / file / shmem (MiB) | idle CPU (%) | window (s) | /metrics scrapes in it (peak RSS, MiB) | cloud calls in the window | first pass to Synced (s) |");
            s.AppendLine("|---:|---|---:|---|---:|---:|---|---:|---:|");
            foreach (var r in report.Results)
            {
                foreach (var p in r.DaemonProcesses)
                {
                    s.AppendLine(CultureInfo.InvariantCulture,
                        $"| {r.Services} | {p.Build} | {p.RssMiB:F0} | {p.AnonMiB:F0} / {p.FileMiB:F0} / {p.ShmemMiB:F0} | {p.IdleCpuPercent:F2} | {p.WindowSeconds:0} | {p.Scrapes} ({p.PeakRssMiB:F0}) | {p.CallsInWindow} | {p.SecondsToSynced:F0} |");
                }
            }
        }
        if (report.Converge is { } c)
        {
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture,
                $"K = {c.Services} new services on the emulator at real speed (RegisterTaskDefinition quota: a burst of 5, then 1 a second), until the last one's writes are done:");
            s.AppendLine();
            s.AppendLine("| path | wall (s) | quota floor (s) | × floor |");
            s.AppendLine("|---|---:|---:|---:|");
            s.AppendLine(CultureInfo.InvariantCulture, $"| daemon (every key at once, each write waits for its token) | {c.DaemonSeconds:F1} | {c.FloorSeconds:F1} | {c.DaemonRatio:F2} |");
            s.AppendLine(CultureInfo.InvariantCulture, $"| naive (one service after another) | {c.NaiveSeconds:F1} | {c.FloorSeconds:F1} | {c.NaiveRatio:F2} |");
        }
        return s.ToString();

        static void Row(StringBuilder s, int n, string path, PassResult p) =>
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {n} | {path} | {p.CallsPerPass:0.#} | {string.Join(", ", p.CallsByOperation.Select(kv => $"{kv.Key} {kv.Value:0.#}"))} | {p.WritesPerPass:0.#} | {p.WallMs:F0} | {p.RssMiB:F0} | {p.IdleCpuMsPerSecond:F1} |");
    }

    private static string RuntimeVersion() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}

/// <summary>The ECS, SSM and Cloud Run operations that change something (as the daemon tests count them).</summary>
internal static class EmulatorWrites
{
    public static readonly string[] Operations =
    [
        "RegisterTaskDefinition", "CreateService", "UpdateService", "TagResource", "DeregisterTaskDefinition", "UntagResource",
        "DeleteService", "PutParameter", "DeleteParameter", "services.create", "services.patch", "services.delete",
    ];
}

public sealed record BenchOptions(IReadOnlyList<int> Services, int LatencyMs, int Passes, double IdleSeconds, double Speed, string? Out, int Converge = 30,
    double ProcessIdleSeconds = 20, string? Aot = null, double ScrapeSeconds = 0, bool CloudRun = true)
{
    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions([100, 1000], 20, 3, 3, 60, null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--services" => o with { Services = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList() },
                "--latency-ms" => o with { LatencyMs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--passes" => o with { Passes = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--idle-seconds" => o with { IdleSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--speed" => o with { Speed = double.Parse(value, CultureInfo.InvariantCulture) },
                "--out" => o with { Out = value },
                "--process-idle-seconds" => o with { ProcessIdleSeconds = Math.Max(0, double.Parse(value, CultureInfo.InvariantCulture)) },
                "--aot" => o with { Aot = value },
                "--cloud-run" => o with { CloudRun = bool.Parse(value) },
                "--scrape-seconds" => o with { ScrapeSeconds = Math.Max(0, double.Parse(value, CultureInfo.InvariantCulture)) },
                "--converge" => o with { Converge = Math.Max(0, int.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }
        return o;
    }
}

public sealed record BenchReport(DateTimeOffset At, int ProcessorCount, string Runtime, int LatencyMs, double Speed, int Passes, double IdleSeconds,
    string Setup, IReadOnlyList<SizeResult> Results, ConvergeResult? Converge);

public sealed record ConvergeResult(int Services, double FloorSeconds, double DaemonSeconds, double DaemonRatio, double NaiveSeconds, double NaiveRatio);

public sealed record SizeResult(int Services, double SetupSeconds, PassResult Daemon, PassResult Naive, IReadOnlyList<ProcessResult> DaemonProcesses,
    PassResult? CloudRunDaemon = null, PassResult? CloudRunNaive = null);

/// <summary>
/// One daemon build as its own process, between passes: RSS and its parts (MiB), CPU share (%), the window, the cloud
/// calls it made in it, and how long its first pass took to report every service Synced.
/// </summary>
public sealed record ProcessResult(string Build, double RssMiB, double AnonMiB, double FileMiB, double ShmemMiB, double IdleCpuPercent, double WindowSeconds,
    int CallsInWindow, double SecondsToSynced, int Scrapes = 0, double PeakRssMiB = 0);

public sealed record PassResult(double CallsPerPass, SortedDictionary<string, double> CallsByOperation, double WritesPerPass, double WallMs,
    double WallMinMs, double WallMaxMs, double RssMiB, double IdleCpuMsPerSecond, int NotInSync);
