using System.Collections.Concurrent;
using Reconciler.Emulator.Faults;
using Reconciler.Emulator.Hosting;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>
/// Every write call the emulator receives, with the emulator's (simulated) time, the service it names and the caller's
/// User-Agent — to ask "how many writes in that minute" and "who wrote this service".
/// </summary>
internal sealed class WriteLog
{
    private static readonly HashSet<string> Writes = new(StringComparer.Ordinal)
    {
        "RegisterTaskDefinition", "CreateService", "UpdateService", "TagResource", "UntagResource", "DeleteService", "services.create", "services.patch",
    };

    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(DateTimeOffset At, string Operation, string? Resource, string UserAgent);

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public static WriteLog Attach(EmulatorControl control)
    {
        var log = new WriteLog();
        control.OnCall(call =>
        {
            if (Writes.Contains(call.Operation))
            {
                log._entries.Enqueue(new Entry(control.Now, call.Operation, Resource(call), call.UserAgent));
            }
            return CallDirective.Proceed;
        });
        return log;
    }

    /// <summary>The ECS service a write is about (scenario manifests name the family after the service).</summary>
    private static string? Resource(WireCall call) => call.Operation switch
    {
        "CreateService" => call.Body["serviceName"]?.GetValue<string>(),
        "UpdateService" => call.Body["service"]?.GetValue<string>(),
        "RegisterTaskDefinition" => call.Body["family"]?.GetValue<string>(),
        "TagResource" => call.Body["resourceArn"]?.GetValue<string>().Split('/')[^1],
        _ => null,
    };
}
