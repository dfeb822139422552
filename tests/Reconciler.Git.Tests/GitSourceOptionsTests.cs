namespace Reconciler.Git.Tests;

public sealed class GitSourceOptionsTests
{
    private static GitSourceOptions Valid => new() { Url = "https://git.example/org/repo.git", WorkDir = "/tmp/reconciler" };

    [TestCase("https://git.example/org/repo.git")]
    [TestCase("ssh://git@git.example/org/repo.git")]
    [TestCase("git@git.example:org/repo.git")]
    [TestCase("file:///srv/repo")]
    public void Supported_urls_are_valid(string url) =>
        Assert.That((Valid with { Url = url }).Validate(), Is.Empty);

    [Test]
    public void Every_problem_is_reported_at_once_each_naming_the_fix()
    {
        var options = Valid with { Url = "ftp://git.example/repo", Branch = "--upload-pack=evil", Path = "../etc", PollInterval = TimeSpan.Zero };

        var errors = options.Validate();

        Assert.That(errors, Has.Count.EqualTo(4));
        Assert.That(errors[0], Does.Contain("use https://, ssh://, git@host:org/repo or file://"));
        Assert.That(errors[1], Does.Contain("Branch '--upload-pack=evil' is not a valid branch name"));
        Assert.That(errors[2], Does.Contain("must be a folder inside the repository"));
        Assert.That(errors[3], Does.Contain("PollInterval"));
    }

    [Test]
    public void A_password_in_the_url_is_rejected_without_repeating_it()
    {
        var errors = (Valid with { Url = "https://bot:hunter22@git.example/org/repo.git" }).Validate();

        Assert.That(errors.Single(), Is.EqualTo(
            "git source Url 'https://***@git.example/org/repo.git' carries credentials before '@': "
            + "remove them from the URL and put the token in a file given as TokenFile (--token-file)."));
    }

    [Test]
    public void A_token_file_that_does_not_exist_is_reported()
    {
        var errors = (Valid with { TokenFile = "/nonexistent/token" }).Validate();

        Assert.That(errors.Single(), Does.Contain("TokenFile '/nonexistent/token' does not exist"));
    }

    [Test]
    public void The_source_refuses_invalid_options_before_running_git()
    {
        var runner = new RecordingProcessRunner(answer: _ => new Reconciler.Git.Processes.ProcessResult(0, "", ""));

        Assert.Throws<ArgumentException>(() => new GitRepositorySource(Valid with { Branch = "" }, runner));
        Assert.That(runner.Requests, Is.Empty);
    }

    [TestCase("https://ghp_tok3nValue@git.example/org/repo.git", TestName = "a token written as the url's user is refused without repeating it")]
    [TestCase("https://oauth2:tok3nValue@git.example/org/repo.git", TestName = "a user and token in the url are refused without repeating them")]
    public void Credentials_in_an_https_url_are_refused_naming_the_token_file(string url)
    {
        var error = (Valid with { Url = url }).Validate().Single();

        Assert.That(error, Is.EqualTo("git source Url 'https://***@git.example/org/repo.git' carries credentials before '@': "
            + "remove them from the URL and put the token in a file given as TokenFile (--token-file)."));
        Assert.That(error, Does.Not.Contain("tok3nValue"));
    }

    [Test]
    public void Plain_http_with_a_token_is_refused_and_without_one_allowed()
    {
        var token = Path.GetTempFileName();
        try
        {
            var withToken = (Valid with { Url = "http://git.example/org/repo.git", TokenFile = token }).Validate();
            var without = (Valid with { Url = "http://git.example/org/repo.git" }).Validate();

            Assert.That(withToken.Single(), Does.Contain("is plain http:// but a TokenFile is set").And.Contain("use the https:// URL"));
            Assert.That(without, Is.Empty);
        }
        finally
        {
            File.Delete(token);
        }
    }

    [Test]
    public void A_known_hosts_file_that_does_not_exist_is_reported()
    {
        var errors = (Valid with { KnownHostsFile = "/nonexistent/known_hosts" }).Validate();

        Assert.That(errors.Single(), Does.Contain("KnownHostsFile '/nonexistent/known_hosts' does not exist"));
    }

    [Test]
    public void Thresholds_and_caps_must_be_positive()
    {
        var errors = (Valid with { StaleAfterFailedPolls = 0, RebuildCacheAfterFailures = -1, MaxManifestFiles = 0, MaxManifestBytes = 0 }).Validate();

        Assert.That(errors, Has.Count.EqualTo(4));
        Assert.That(errors, Has.Some.Contains("StaleAfterFailedPolls is 0").And.Some.Contains("MaxManifestBytes is 0"));
    }
}
