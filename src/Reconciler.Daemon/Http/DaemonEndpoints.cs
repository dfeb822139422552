using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Reconciler.Core.Model;
using Reconciler.Core.Sources;
using Reconciler.Daemon.Hosting;
using Reconciler.Daemon.Telemetry;
using Reconciler.Engine.Controller;
using Reconciler.Engine.Desired;
using Reconciler.Engine.Queue;
using Reconciler.Engine.Reconciling;
using Reconciler.Engine.Status;
using Reconciler.Engine.Webhooks;

namespace Reconciler.Daemon.Http;

/// <summary>The daemon's HTTP surface, all on one port.</summary>
internal static class DaemonEndpoints
{
    private const long MaxWebhookBytes = 5 * 1024 * 1024;

    public static void Map(WebApplication app, RunSettings settings)
    {
        var sp = app.Services;
        Logging.UseRequestLogging(app);
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => sp.GetRequiredService<ReconcileController>().Ready
            ? Results.Text("ready\n")
            : Results.Text($"not ready: {(sp.GetRequiredService<IDesiredStateSource>() as ISourceHealth)?.Staleness ?? "source not fetched yet or loop not running"}\n", statusCode: 503));
        var guard = Guard(app, settings);
        app.MapGet("/status", () => new StatusJsonResult(StatusDocument.From(sp.GetRequiredService<StatusStore>())))
            .Guarded(guard, EndpointAccess.Status);
        app.MapGet("/", () => Results.Content(
            StatusPage.Render(StatusDocument.From(sp.GetRequiredService<StatusStore>()), sp.GetRequiredService<TimeProvider>().GetUtcNow()),
            "text/html; charset=utf-8"))
            .Guarded(guard, EndpointAccess.Status);
        DaemonTelemetry.MapMetrics(app);
        app.MapPost("/retry/{kind}/{name}", (string kind, string name) => Retry(sp, new ResourceKey(kind, name)))
            .Guarded(guard, EndpointAccess.Mutating);
        app.MapPost("/retry/{name}", (string name) => RetryByName(sp, name))
            .Guarded(guard, EndpointAccess.Mutating);
        MapWebhook(app, settings);
    }

    private static EndpointGuard Guard(WebApplication app, RunSettings settings)
    {
        var guard = new EndpointGuard(settings.ApiTokenFile is null ? null : ApiToken.Read(settings.ApiTokenFile), settings.Listen.Address, settings.StatusRequiresToken);
        if (guard.RefusesMutations)
        {
            app.Services.GetRequiredService<Serilog.ILogger>().Warning(
                "POST /retry answers 403: the daemon listens on {Listen}, beyond loopback, without --api-token-file", settings.Listen.ToString());
        }
        return guard;
    }

    /// <summary>The guard runs before the handler (and before any body is read): a refused request changes nothing.</summary>
    private static RouteHandlerBuilder Guarded(this RouteHandlerBuilder endpoint, EndpointGuard guard, EndpointAccess access) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            if (guard.Check(access, context.HttpContext.Request.Headers.Authorization.FirstOrDefault()) is not { } refused)
            {
                return await next(context);
            }
            if (refused.Challenge is not null)
            {
                context.HttpContext.Response.Headers.WWWAuthenticate = refused.Challenge;
            }
            return Results.Text(refused.Message + "\n", statusCode: refused.StatusCode);
        });

    private static IResult Retry(IServiceProvider sp, ResourceKey key)
    {
        if (sp.GetRequiredService<DesiredStateStore>().Get(key) is null)
        {
            return Results.Text($"{key} is not declared in the current desired state\n", statusCode: 404);
        }
        var shard = sp.GetRequiredService<Reconciler.Engine.EngineOptions>().Shard;
        if (!shard.Owns(key))
        {
            // 421 Misdirected Request: the right replica is named, nothing is queued here.
            var owner = Reconciler.Core.Sharding.ShardAssignment.ShardOf(key, shard.Count);
            return Results.Text($"{key} belongs to shard {owner} of {shard.Count}, not this replica ({shard}); send the retry to the pod with ordinal {owner}\n", statusCode: 421);
        }
        sp.GetRequiredService<RetryRequests>().Request(key);
        sp.GetRequiredService<WorkQueue<ResourceKey>>().Add(key);
        return Results.Text($"{key}: retry requested; the failed spec will be applied once more\n", statusCode: 202);
    }

    /// <summary>The kind comes from the desired state: a name declared by exactly one kind needs no --kind.</summary>
    private static IResult RetryByName(IServiceProvider sp, string name)
    {
        var matches = sp.GetRequiredService<DesiredStateStore>().Keys.Where(k => k.Name == name).ToList();
        return matches.Count switch
        {
            0 => Results.Text($"no resource named {name} is declared in the current desired state\n", statusCode: 404),
            1 => Retry(sp, matches[0]),
            _ => Results.Text($"several kinds declare {name} ({string.Join(", ", matches.Select(k => k.Kind).Order())}): pass --kind\n", statusCode: 409),
        };
    }

    private static void MapWebhook(WebApplication app, RunSettings settings)
    {
        if (settings.WebhookSecretFile is null)
        {
            app.MapPost("/hooks/git", () => Results.Text("webhook disabled: start with --webhook-secret-file\n", statusCode: 404));
            return;
        }
        var secret = File.ReadAllBytes(settings.WebhookSecretFile).AsSpan().Trim("\r\n "u8).ToArray();
        var trigger = app.Services.GetRequiredService<SourceTrigger>();
        // Deliveries arrive in real time: the limit must not speed up with the emulator's simulated clock.
        var limiter = new WebhookRateLimiter(time: TimeProvider.System);
        var handler = new WebhookHandler(secret, limiter, trigger.Request);
        app.MapPost("/hooks/git", async (HttpContext context) =>
        {
            // The limit runs before anything is read: a flood costs neither memory nor an HMAC.
            if (handler.Admit(context.Connection.RemoteIpAddress?.ToString()) is { } refused)
            {
                return Results.Text(refused.Reason + "\n", statusCode: refused.StatusCode);
            }
            if (context.Request.ContentLength > MaxWebhookBytes)
            {
                return Results.Text("payload too large\n", statusCode: 413);
            }
            var body = await BoundedBody.ReadAsync(context.Request.Body, MaxWebhookBytes, context.RequestAborted);
            if (body is null)
            {
                return Results.Text("payload too large\n", statusCode: 413);
            }
            var result = handler.Handle(context.Request.Headers, body);
            return Results.Text(result.Reason + "\n", statusCode: result.StatusCode);
        });
    }
}
