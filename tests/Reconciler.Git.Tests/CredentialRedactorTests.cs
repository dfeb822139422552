namespace Reconciler.Git.Tests;

public sealed class CredentialRedactorTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("https://user:pa55@host/repo", null, "https://user:***@host/repo")
            .SetName("a password in an https url is masked, the user kept");
        yield return new TestCaseData("https://:tok3n@host/repo", null, "https://:***@host/repo")
            .SetName("a password with an empty user is masked");
        yield return new TestCaseData("https://user@host/repo and ssh://git@host/x", null, "https://user@host/repo and ssh://git@host/x")
            .SetName("urls without a password are left alone");
        yield return new TestCaseData("Authorization failed for abcd1234efgh", "abcd1234efgh", "Authorization failed for ***")
            .SetName("the literal token is masked wherever it appears");
        yield return new TestCaseData("a b c", "b", "a b c")
            .SetName("a too-short secret does not mask ordinary text");
    }

    [TestCaseSource(nameof(Cases))]
    public void Redacts(string text, string? secret, string expected) =>
        Assert.That(CredentialRedactor.Redact(text, secret), Is.EqualTo(expected));
}
