namespace Reconciler.Daemon.Http;

/// <summary>
/// Reads a request body up to a limit. Content-Length alone is not enough: a chunked request has none, and an
/// unauthenticated sender must not make the daemon buffer megabytes before the signature is even checked.
/// </summary>
internal static class BoundedBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
