using System.CommandLine;
using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Hosting;

namespace Reconciler.Daemon.Commands;

/// <summary><c>reconciler emulator</c>: runs the local ECS + SSM emulator on 127.0.0.1 until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 4566 };
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per wall second (60: one second is one simulated minute)", DefaultValueFactory = _ => 60 };
        var throttle = new Option<double>("--throttle-rate") { Description = "Share of calls answered with ThrottlingException, 0..1" };
        var error = new Option<double>("--error-rate") { Description = "Share of calls answered with HTTP 500, 0..1" };
        var latency = new Option<int>("--latency-ms") { Description = "Delay added to every call, in milliseconds" };
        var drop = new Option<double>("--drop-rate") { Description = "Share of calls whose connection is dropped, 0..1" };
        var seed = new Option<int>("--seed") { Description = "Seed for ids and random faults (same seed, same run)", DefaultValueFactory = _ => 1 };
        var clusters = new Option<string[]>("--cluster")
        {
            Description = "ECS cluster to create in every region (repeatable)",
            DefaultValueFactory = _ => ["default"],
            AllowMultipleArgumentsPerToken = true,
        };
        RequireRange(port, 0, 65535);
        RequireRange(latency, 0, 600_000);
        foreach (var rate in new[] { throttle, error, drop })
        {
            RequireRange(rate, 0, 1);
        }
        RequireRange(speed, 0.001, 100_000);

        var command = new Command("emulator", "Run a local ECS + SSM emulator (AWS JSON 1.1 wire protocol) with simulated rollouts and fault injection")
        {
            port, speed, throttle, error, latency, drop, seed, clusters,
        };
        command.SetAction((parse, ct) => RunAsync(parse, ct, new EmulatorOptions
        {
            Port = parse.GetValue(port),
            Speed = parse.GetValue(speed),
            Seed = parse.GetValue(seed),
            Clusters = parse.GetValue(clusters) ?? ["default"],
            Faults = new FaultOptions
            {
                ThrottleRate = parse.GetValue(throttle),
                ErrorRate = parse.GetValue(error),
                LatencyMs = parse.GetValue(latency),
                DropRate = parse.GetValue(drop),
            },
        }));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct, EmulatorOptions options)
    {
        var output = parse.InvocationConfiguration.Output;
        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(options, ct);
        }
        catch (IOException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"error: cannot listen on 127.0.0.1:{options.Port} ({e.Message}). Pick another port with --port, or stop the process using it.");
            return 1;
        }
        await using (host)
        {
            await output.WriteLineAsync($"Emulator listening on {host.BaseUri} — ECS and SSM (AWS JSON 1.1), speed {options.Speed}x, clusters: {string.Join(", ", options.Clusters)}");
            await output.WriteLineAsync($"  try: aws --endpoint-url {host.BaseUri} ecs describe-clusters");
            await output.WriteLineAsync($"  admin: {host.BaseUri}_emulator/calls (see docs/emulator.md). Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Emulator stopping.");
            }
        }
        return 0;
    }

    private static void RequireRange<T>(Option<T> option, T min, T max)
        where T : IComparable<T>
    {
        option.Validators.Add(result =>
        {
            // A value that does not parse is already reported by the parser; only range-check parsed values.
            if (result.Tokens.Count == 0 || !TryParse(result.Tokens[^1].Value, out T value))
            {
                return;
            }
            if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            {
                result.AddError($"{option.Name} must be between {min} and {max}, got {value}");
            }
        });
    }

    private static bool TryParse<T>(string text, out T value)
        where T : IComparable<T>
    {
        value = default!;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        value = (T)Convert.ChangeType(number, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
