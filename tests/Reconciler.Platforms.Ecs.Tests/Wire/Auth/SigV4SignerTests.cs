using System.Text;
using Reconciler.Platforms.Ecs.Tests.Wire.Support;
using Reconciler.Platforms.Ecs.Wire.Auth;

namespace Reconciler.Platforms.Ecs.Tests.Wire.Auth;

public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset VectorTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Test]
    public void The_published_get_vanilla_vector_signs_to_the_published_signature()
    {
        var result = SigV4Signer.Sign(new SigV4Request("GET", new Uri("https://example.amazonaws.com/"),
            new Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty, Example, "us-east-1", "service", VectorTime));

        Assert.Multiple(() =>
        {
            Assert.That(result.CanonicalRequest, Is.EqualTo(
                "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" +
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
            Assert.That(result.Signature, Is.EqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
            Assert.That(result.Authorization, Is.EqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, " +
                "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
        });
    }

    [Test]
    public void A_post_to_a_host_with_a_port_signs_host_and_port()
    {
        var body = Encoding.UTF8.GetBytes("""{"services":["web"]}""");
        var request = new SigV4Request("POST", new Uri("http://127.0.0.1:4566/"),
            new Dictionary<string, string> { ["content-type"] = "application/x-amz-json-1.1" },
            body, Example, "eu-west-1", "ecs", VectorTime);

        var withPort = SigV4Signer.Sign(request);
        var otherPort = SigV4Signer.Sign(request with { Uri = new Uri("http://127.0.0.1:4567/") });

        Assert.Multiple(() =>
        {
            Assert.That(withPort.CanonicalRequest, Does.Contain("\nhost:127.0.0.1:4566\n"));
            Assert.That(withPort.SignedHeaders, Is.EqualTo("content-type;host;x-amz-date"));
            Assert.That(otherPort.Signature, Is.Not.EqualTo(withPort.Signature));
        });
    }

    [Test]
    public void A_default_port_is_left_out_of_the_host_header()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SigV4Signer.HostHeader(new Uri("https://ecs.eu-west-1.amazonaws.com/")), Is.EqualTo("ecs.eu-west-1.amazonaws.com"));
            Assert.That(SigV4Signer.HostHeader(new Uri("http://localhost:80/")), Is.EqualTo("localhost"));
            Assert.That(SigV4Signer.HostHeader(new Uri("https://localhost:8443/")), Is.EqualTo("localhost:8443"));
        });
    }

    [Test]
    public void A_session_token_is_sent_and_signed()
    {
        var result = SigV4Signer.Sign(new SigV4Request("POST", new Uri("https://ecs.eu-west-1.amazonaws.com/"),
            new Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty, Example with { SessionToken = "tok/en=" },
            "eu-west-1", "ecs", VectorTime));

        Assert.Multiple(() =>
        {
            Assert.That(result.SecurityToken, Is.EqualTo("tok/en="));
            Assert.That(result.SignedHeaders, Is.EqualTo("host;x-amz-date;x-amz-security-token"));
            Assert.That(result.CanonicalRequest, Does.Contain("\nx-amz-security-token:tok/en=\n"));
        });
    }

    [Test]
    public void The_signature_matches_an_independent_implementation_of_the_algorithm()
    {
        var body = Encoding.UTF8.GetBytes("""{"cluster":"prod"}""");
        var result = SigV4Signer.Sign(new SigV4Request("POST", new Uri("http://127.0.0.1:4566/"),
            new Dictionary<string, string> { ["content-type"] = "application/x-amz-json-1.1", ["x-amz-target"] = "AmazonSSM.GetParameter" },
            body, Example, "eu-west-1", "ssm", VectorTime));
        var received = new RecordedRequest("POST", "/", new Dictionary<string, string>
        {
            ["authorization"] = result.Authorization,
            ["content-type"] = "application/x-amz-json-1.1",
            ["host"] = "127.0.0.1:4566",
            ["x-amz-date"] = result.AmzDate,
            ["x-amz-target"] = "AmazonSSM.GetParameter",
        }, body);

        Assert.That(SigV4Verifier.ExpectedSignature(received, Example.SecretAccessKey), Is.EqualTo(result.Signature));
    }

    [Test]
    public void Credentials_never_print_the_secret_or_the_token()
    {
        var text = (Example with { SessionToken = "session-token-value" }).ToString();

        Assert.That(text, Does.Not.Contain(Example.SecretAccessKey).And.Not.Contain("session-token-value").And.Contain("AKIDEXAMPLE"));
    }
}
