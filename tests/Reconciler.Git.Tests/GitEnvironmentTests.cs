namespace Reconciler.Git.Tests;

public sealed class GitEnvironmentTests
{
    private string home = null!;

    [SetUp]
    public void CreateHome() => home = Directory.CreateTempSubdirectory("reconciler-home-").FullName;

    [TearDown]
    public void DeleteHome() => Directory.Delete(home, recursive: true);

    [Test]
    public void An_ssh_key_is_used_alone_and_host_keys_are_checked_strictly_against_the_known_hosts_file()
    {
        var options = new GitSourceOptions
        {
            Url = "git@git.example:org/repo.git", WorkDir = home, SshKeyFile = "/keys/deploy key", KnownHostsFile = "/keys/known_hosts",
        };

        var ssh = GitEnvironment.Create(options, home)["GIT_SSH_COMMAND"];

        Assert.That(ssh, Does.Contain("-i '/keys/deploy key' -o IdentitiesOnly=yes"));
        Assert.That(ssh, Does.Contain("-o StrictHostKeyChecking=yes").And.Not.Contain("accept-new"));
        Assert.That(ssh, Does.Contain("-o UserKnownHostsFile='/keys/known_hosts'"));
    }

    [Test]
    public void Without_a_known_hosts_file_no_host_key_is_ever_written_or_trusted_on_first_use()
    {
        var ssh = GitEnvironment.Create(new GitSourceOptions { Url = "ssh://git@git.example/org/repo.git", WorkDir = home }, home)["GIT_SSH_COMMAND"];

        Assert.That(ssh, Does.Contain("-o UserKnownHostsFile='/dev/null'").And.Contain("-o StrictHostKeyChecking=yes"));
        Assert.That(ssh, Does.Not.Contain(home), "nothing under the work dir (/tmp by default) is trusted");
    }

    [Test]
    public void Without_a_token_no_askpass_helper_is_written()
    {
        var env = GitEnvironment.Create(new GitSourceOptions { Url = "https://git.example/org/repo.git", WorkDir = home }, home);

        Assert.That(env["GIT_ASKPASS"], Is.Null);
        Assert.That(File.Exists(Path.Combine(home, "askpass.sh")), Is.False);
    }
}
