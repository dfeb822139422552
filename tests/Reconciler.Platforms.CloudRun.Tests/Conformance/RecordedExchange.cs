namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>One HTTP request the client sent and the answer it got (null when the connection dropped).</summary>
internal sealed record RecordedExchange(string Method, Uri Uri, string? RequestBody, int? Status, string? ResponseBody);
