using System.Text.Json;
using Microsoft.Extensions.Logging;
using Reconciler.Daemon.Hosting;

namespace Reconciler.Daemon.Tests.Hosting;

/// <summary>What the daemon's log lines look like: a readable text line on a terminal, compact JSON (CLEF) otherwise.</summary>
public sealed class LoggingFormatTests
{
    private static readonly Dictionary<string, object?> Scope = new()
    {
        ["Resource"] = "EcsService/web",
        ["Kind"] = "EcsService",
        ["Revision"] = "0123456789abcdef0123",
        ["ReconcileId"] = "a1b2c3d4e5f6",
        ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
    };

    [Test]
    public void A_text_line_has_unquoted_values_and_ends_with_the_reconcile_scope()
    {
        var output = new StringWriter();
        using (var factory = Logging.Factory(Logging.Create("text", output: output)))
        {
            var log = factory.CreateLogger("test");
            using (log.BeginScope(Scope))
            {
                log.LogInformation("{Resource}: planned {Action}", "EcsService/web", "UpdateService");
            }
            log.LogInformation("Source at {Revision}", "abc");
        }
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines[0], Does.Match(@"^\d\d:\d\d:\d\d INF EcsService/web: planned UpdateService \[EcsService/web rev=0123456789ab reconcile=a1b2c3d4e5f6 trace=4bf92f3577b34da6a3ce929d0e0e4736\]$"));
        Assert.That(lines[1], Does.Match(@"^\d\d:\d\d:\d\d INF Source at abc$"), "outside a reconcile, no scope suffix");
    }

    [Test]
    public void A_json_line_is_compact_json_with_the_rendered_message_and_every_scope_property()
    {
        var output = new StringWriter();
        using (var factory = Logging.Factory(Logging.Create("json", output: output)))
        {
            var log = factory.CreateLogger("test");
            using (log.BeginScope(Scope))
            {
                log.LogWarning("Drift on {Resource}: {Field} is {Observed} in the cloud, git says {Desired}", "EcsService/web", "desiredCount", "4", "2");
            }
        }
        using var json = JsonDocument.Parse(output.ToString().Trim());
        var root = json.RootElement;

        Assert.That(root.GetProperty("@l").GetString(), Is.EqualTo("Warning"));
        Assert.That(root.TryGetProperty("@t", out _), Is.True);
        Assert.That(root.GetProperty("@m").GetString(), Does.Contain("desiredCount"));
        foreach (var (key, value) in Scope)
        {
            Assert.That(root.GetProperty(key).GetString(), Is.EqualTo(value), key);
        }
        Assert.That(root.GetProperty("Field").GetString(), Is.EqualTo("desiredCount"));
    }
}
