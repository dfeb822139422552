using System.Text;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Support;

/// <summary>An in-memory transport for the conformance tests: records the request, answers with a canned response.</summary>
public sealed class CapturingHandler(Func<RecordedRequest, CannedResponse> respond) : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests => _requests;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, headers, body);
        _requests.Add(recorded);
        var canned = respond(recorded);
        return new HttpResponseMessage((System.Net.HttpStatusCode)canned.Status)
        {
            Content = new StringContent(canned.Body, Encoding.UTF8, "application/x-amz-json-1.1"),
        };
    }
}
