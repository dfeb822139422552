namespace Reconciler.Engine.Webhooks;

/// <summary>What the HTTP endpoint should answer. <paramref name="Reason"/> is safe to log and to return as the body.</summary>
public sealed record WebhookResult(int StatusCode, string Reason, bool Triggered);
