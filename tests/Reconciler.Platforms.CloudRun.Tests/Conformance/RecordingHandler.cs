using System.Collections.Concurrent;

namespace Reconciler.Platforms.CloudRun.Tests.Conformance;

/// <summary>A transport that records every request and answer on their way through.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<RecordedExchange> Exchanges { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            Exchanges.Enqueue(new RecordedExchange(request.Method.Method, request.RequestUri!, body, (int)response.StatusCode, text));
            return response;
        }
        catch (HttpRequestException)
        {
            Exchanges.Enqueue(new RecordedExchange(request.Method.Method, request.RequestUri!, body, null, null));
            throw;
        }
    }
}
