namespace Reconciler.Git.Tests;

public sealed class CredentialRedactorTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("https://user:pa55@host/repo", null, "https://***@host/repo")
            .SetName("the whole user part of an https url with a password is masked");
        yield return new TestCaseData("https://:tok3n@host/repo", null, "https://***@host/repo")
            .SetName("a password with an empty user is masked");
        yield return new TestCaseData("https://ghp_tok3n@host/repo", null, "https://***@host/repo")
            .SetName("a token written as the user of an https url is masked");
        yield return new TestCaseData("ssh://git:pa55@host/x", null, "ssh://git:***@host/x")
            .SetName("a password in an ssh url is masked, the user kept");
        yield return new TestCaseData("https://host/repo and ssh://git@host/x and git@host:org/x", null, "https://host/repo and ssh://git@host/x and git@host:org/x")
            .SetName("urls without credentials and ssh users are left alone");
        yield return new TestCaseData("Authorization failed for abcd1234efgh", "abcd1234efgh", "Authorization failed for ***")
            .SetName("the literal token is masked wherever it appears");
        yield return new TestCaseData("a b c", "b", "a b c")
            .SetName("a too-short secret does not mask ordinary text");
    }

    [TestCaseSource(nameof(Cases))]
    public void Redacts(string text, string? secret, string expected) =>
        Assert.That(CredentialRedactor.Redact(text, secret), Is.EqualTo(expected));
}
