using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconciler.Daemon.Telemetry;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Reconciler.Daemon.Hosting;

/// <summary>
/// Serilog as the logging provider: compact JSON lines (CLEF, rendered message in <c>@m</c>) when output is not a
/// terminal (in-cluster, for log shippers), a readable text line on a terminal (<c>{Message:lj}</c>: strings unquoted,
/// the reconcile's scope at the end); <c>--log-format</c> overrides. Logs go to stderr so command output on stdout stays clean.
/// </summary>
internal static class Logging
{
    public const string TextTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{" + ReconcileLineEnricher.Property + "}{NewLine}{Exception}";

    /// <param name="output">Where lines go instead of stderr (tests read the exact lines a person would).</param>
    public static Serilog.ILogger Create(string format, LogEventLevel level = LogEventLevel.Information, TextWriter? output = null) =>
        Configure(new LoggerConfiguration(), level)
            .WriteTo(format switch
            {
                "json" => true,
                "text" => false,
                _ => Console.IsErrorRedirected,
            }, output)
            .CreateLogger();

    /// <summary>Levels and enrichers shared by every sink (the console here, an in-memory sink in tests).</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration config, LogEventLevel level = LogEventLevel.Information) => config
        .MinimumLevel.Is(level)
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
        .Enrich.FromLogContext()
        .Enrich.With<ReconcileLineEnricher>();

    public static ILoggerFactory Factory(Serilog.ILogger logger) => new SerilogLoggerFactory(logger, dispose: false);

    /// <summary>One line per request; scrapes and probes only at Debug, so a 1 s Prometheus scrape does not flood the log.</summary>
    public static void UseRequestLogging(WebApplication app) => app.UseSerilogRequestLogging(o =>
    {
        // The daemon's logger, not the static Log.Logger the middleware falls back to (tests host several daemons).
        o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        o.GetLevel = (context, _, error) => error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : IsRoutine(context.Request.Path) ? LogEventLevel.Debug
            : LogEventLevel.Information;
    });

    private static bool IsRoutine(PathString path) =>
        path == "/metrics" || path == "/healthz" || path == "/readyz" || path == "/status" || path == "/";

    private static LoggerConfiguration WriteTo(this LoggerConfiguration config, bool json, TextWriter? output) => (json, output) switch
    {
        (true, null) => config.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose),
        (false, null) => config.WriteTo.Console(outputTemplate: TextTemplate, standardErrorFromLevel: LogEventLevel.Verbose),
        (true, _) => config.WriteTo.Sink(new WriterSink(new RenderedCompactJsonFormatter(), output)),
        (false, _) => config.WriteTo.Sink(new WriterSink(new MessageTemplateTextFormatter(TextTemplate), output)),
    };
}
