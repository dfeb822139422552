using System.Net;
using Reconciler.Daemon.Tests.Scenarios;

namespace Reconciler.Daemon.Tests.Http;

/// <summary>/hooks/git on real Kestrel: oversized deliveries are refused before they are buffered, with or without Content-Length.</summary>
public sealed class WebhookEndpointTests
{
    private const int SixMegabytes = 6 * 1024 * 1024;

    [TestCase(true, TestName = "A delivery declaring more than 5 MB is refused with 413")]
    [TestCase(false, TestName = "A chunked delivery growing past 5 MB is refused with 413")]
    public async Task An_oversized_delivery_is_refused(bool declareLength)
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { WebhookSecret = "secret" });
        HttpContent content = declareLength
            ? new ByteArrayContent(new byte[SixMegabytes])
            : new StreamContent(new UnknownLengthStream(SixMegabytes));

        using var response = await world.Daemon.Http.PostAsync("/hooks/git", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task A_delivery_over_the_rate_limit_gets_429_before_its_body_is_read()
    {
        await using var world = await DaemonHarness.StartAsync(new HarnessOptions { WebhookSecret = "secret" });
        for (var i = 0; i < 30; i++)
        {
            using var unsigned = await world.Daemon.Http.PostAsync("/hooks/git", new StringContent("{}"));
            Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "within the limit the signature is checked");
        }
        using var response = await world.Daemon.Http.PostAsync("/hooks/git", new ByteArrayContent(new byte[SixMegabytes]));

        // Over the limit the answer is 429, not the 413 the body would earn: the limit ran before the read.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    /// <summary>A readable stream whose length is unknown, so HttpClient sends it chunked (no Content-Length).</summary>
    private sealed class UnknownLengthStream(int size) : Stream
    {
        private int _left = size;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
