namespace Reconciler.Engine.Verification;

/// <summary>
/// A check's response body read up to a cap, whatever the server says (or does not say) in Content-Length: an endpoint
/// that streams forever, or a chunked answer of any size, cannot exhaust memory.
/// </summary>
internal static class BoundedBody
{
    /// <summary>At most <paramref name="max"/> bytes; <c>Truncated</c> says the body had more.</summary>
    public static async Task<(ArraySegment<byte> Bytes, bool Truncated)> ReadAsync(HttpContent content, int max, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[max + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }
        return (new ArraySegment<byte>(buffer, 0, Math.Min(read, max)), read > max);
    }
}
