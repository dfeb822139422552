using System.Net;

namespace Reconciler.Testing.Http;

/// <summary>How a <see cref="StreamedAnswerHandler"/> body goes on after its bytes.</summary>
public enum BodyEnd
{
    /// <summary>The body ends there.</summary>
    End,

    /// <summary>The connection breaks (an <see cref="IOException"/>, as SocketsHttpHandler throws for a premature end).</summary>
    Fail,

    /// <summary>Nothing more arrives (for 20 s, then the read fails the test).</summary>
    Stall,
}

/// <summary>
/// Answers every request 200 with a body the way a connection hands it out: no length, read in small chunks, not
/// seekable. Buffering the whole body (HttpClient's <c>ResponseContentRead</c>, <c>LoadIntoBufferAsync</c>) throws, so a
/// client that passes has read the answer as it arrived.
/// </summary>
public sealed class StreamedAnswerHandler(byte[] body, BodyEnd end = BodyEnd.End) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new Content(new ChunkStream(body, end)) });

    private sealed class Content(Stream stream) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) =>
            throw new InvalidOperationException("the answer was buffered whole instead of read as it arrives");

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class ChunkStream(byte[] bytes, BodyEnd end) : Stream
    {
        private const int Chunk = 1024;
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < bytes.Length)
            {
                var n = Math.Min(Math.Min(buffer.Length, Chunk), bytes.Length - _position);
                bytes.AsMemory(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }
            switch (end)
            {
                case BodyEnd.Fail:
                    throw new IOException("The response ended prematurely.");
                case BodyEnd.Stall:
                    await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
                    throw new NUnit.Framework.AssertionException("the stalled body was still being waited for after 20 s");
                default:
                    return 0;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
