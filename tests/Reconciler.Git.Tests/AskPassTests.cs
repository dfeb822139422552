using Reconciler.Git.Processes;

namespace Reconciler.Git.Tests;

/// <summary>
/// The GIT_ASKPASS helper, run as git runs it (one prompt as its argument): it hands out the token only for the
/// repository's own scheme and host, so a redirect or a submodule on another host gets nothing.
/// </summary>
public sealed class AskPassTests
{
    private const string Token = "ghp_AskPassT0kenValue1234567890";
    private string home = null!;
    private string askPass = null!;

    [SetUp]
    public void WriteHelper()
    {
        home = Directory.CreateTempSubdirectory("reconciler-askpass-").FullName;
        var tokenFile = Path.Combine(home, "token");
        File.WriteAllText(tokenFile, Token + "\n");
        var options = new GitSourceOptions { Url = "https://git.example/org/repo.git", WorkDir = home, TokenFile = tokenFile };
        askPass = GitEnvironment.Create(options, home)["GIT_ASKPASS"]!;
    }

    [TearDown]
    public void DeleteHome() => Directory.Delete(home, recursive: true);

    [TestCase("Username for 'https://git.example': ", "x-access-token", TestName = "the user name is given for the repository's host")]
    [TestCase("Password for 'https://x-access-token@git.example': ", Token, TestName = "the token is given for the repository's host with the user")]
    [TestCase("Password for 'https://git.example': ", Token, TestName = "the token is given for the repository's host without a user")]
    [TestCase("Password for 'https://git.example:443': ", Token, TestName = "the token is given for the host written with its default port")]
    public async Task The_helper_answers_prompts_for_the_repositorys_host(string prompt, string expected)
    {
        var answer = await AskAsync(prompt);

        Assert.That((answer.ExitCode, answer.StandardOutput.Trim()), Is.EqualTo((0, expected)));
    }

    [TestCase("Password for 'https://x-access-token@evil.example': ", TestName = "no token for another host")]
    [TestCase("Password for 'https://git.example.evil.example': ", TestName = "no token for a host that only starts like the repository's")]
    [TestCase("Password for 'https://evil.git.example': ", TestName = "no token for a host that only ends like the repository's")]
    [TestCase("Password for 'http://git.example': ", TestName = "no token over plain http to the same host")]
    [TestCase("Password for 'https://git.example:8443': ", TestName = "no token for another port of the same host")]
    [TestCase("Username for 'https://evil.example': ", TestName = "no user name for another host")]
    public async Task The_helper_refuses_prompts_for_anything_else(string prompt)
    {
        var answer = await AskAsync(prompt);

        Assert.That(answer.ExitCode, Is.Not.EqualTo(0));
        Assert.That(answer.StandardOutput, Is.Empty);
    }

    [Test]
    public void A_url_that_is_not_http_gets_no_helper_at_all()
    {
        var options = new GitSourceOptions { Url = "ssh://git@git.example/org/repo.git", WorkDir = home, TokenFile = Path.Combine(home, "token") };

        Assert.That(GitEnvironment.Create(options, home)["GIT_ASKPASS"], Is.Null);
    }

    private Task<ProcessResult> AskAsync(string prompt) => new ProcessRunner().RunAsync(
        new ProcessRequest(askPass, [prompt], null, new Dictionary<string, string?>(), TimeSpan.FromSeconds(10)), CancellationToken.None);
}
