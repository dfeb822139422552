using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Json;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// Serilog as the logging provider: JSON lines when output is not a terminal (in-cluster, for log shippers), human
/// text on a terminal; <c>--log-format</c> overrides. Logs go to stderr so command output on stdout stays clean.
/// </summary>
internal static class Logging
{
    public static Serilog.ILogger Create(string format, LogEventLevel level = LogEventLevel.Information)
    {
        var json = format switch
        {
            "json" => true,
            "text" => false,
            _ => Console.IsErrorRedirected,
        };
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext();
        config = json
            ? config.WriteTo.Console(new JsonFormatter(renderMessage: true), standardErrorFromLevel: LogEventLevel.Verbose)
            : config.WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);
        return config.CreateLogger();
    }

    public static ILoggerFactory Factory(Serilog.ILogger logger) => new SerilogLoggerFactory(logger, dispose: false);
}
