using System.Text;
using Reconciler.Engine.Webhooks;

namespace Reconciler.Engine.Tests.Webhooks;

public sealed class GitHubSignatureVerifierTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("It's a Secret to Everybody");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    [Test]
    public void GitHubs_documented_example_signature_is_valid()
    {
        // The test vector from GitHub's "Validating webhook deliveries" documentation.
        const string documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        Assert.That(GitHubSignatureVerifier.Verify(Body, documented, Secret), Is.EqualTo(SignatureCheck.Valid));
        Assert.That(GitHubSignatureVerifier.Sign(Body, Secret), Is.EqualTo(documented));
    }

    private static IEnumerable<TestCaseData> Rejections()
    {
        var good = GitHubSignatureVerifier.Sign(Body, Secret);
        yield return new TestCaseData(Body, null, SignatureCheck.Missing).SetName("no header is Missing");
        yield return new TestCaseData(Body, "  ", SignatureCheck.Missing).SetName("a blank header is Missing");
        yield return new TestCaseData(Body, "sha1=0a4d55a8d778e5022fab701977c5d840bbc486d0", SignatureCheck.Malformed).SetName("the legacy sha1 form is Malformed");
        yield return new TestCaseData(Body, good[7..], SignatureCheck.Malformed).SetName("hex without the sha256= prefix is Malformed");
        yield return new TestCaseData(Body, "sha256=" + new string('z', 64), SignatureCheck.Malformed).SetName("non-hex digits are Malformed");
        yield return new TestCaseData(Body, good[..^2], SignatureCheck.Malformed).SetName("a truncated signature is Malformed");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("Hello, World?"), good, SignatureCheck.Mismatch).SetName("a tampered body is a Mismatch");
        yield return new TestCaseData(Body, GitHubSignatureVerifier.Sign(Body, "other"u8.ToArray()), SignatureCheck.Mismatch).SetName("another secret is a Mismatch");
    }

    [TestCaseSource(nameof(Rejections))]
    public void Rejects(byte[] body, string? header, SignatureCheck expected) =>
        Assert.That(GitHubSignatureVerifier.Verify(body, header, Secret), Is.EqualTo(expected));

    [Test]
    public void Upper_case_hex_is_accepted()
    {
        var header = "sha256=" + GitHubSignatureVerifier.Sign(Body, Secret)[7..].ToUpperInvariant();

        Assert.That(GitHubSignatureVerifier.Verify(Body, header, Secret), Is.EqualTo(SignatureCheck.Valid));
    }
}
