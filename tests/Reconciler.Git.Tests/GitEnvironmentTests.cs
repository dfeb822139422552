namespace Reconciler.Git.Tests;

public sealed class GitEnvironmentTests
{
    private string home = null!;

    [SetUp]
    public void CreateHome() => home = Directory.CreateTempSubdirectory("reconciler-home-").FullName;

    [TearDown]
    public void DeleteHome() => Directory.Delete(home, recursive: true);

    [Test]
    public void An_ssh_key_is_used_alone_and_new_host_keys_are_accepted_once()
    {
        var options = new GitSourceOptions { Url = "git@git.example:org/repo.git", WorkDir = home, SshKeyFile = "/keys/deploy key" };

        var ssh = GitEnvironment.Create(options, home)["GIT_SSH_COMMAND"];

        Assert.That(ssh, Does.Contain("-i '/keys/deploy key' -o IdentitiesOnly=yes"));
        Assert.That(ssh, Does.Contain("-o StrictHostKeyChecking=accept-new"));
        Assert.That(ssh, Does.Contain($"-o UserKnownHostsFile='{home}/known_hosts'"), "host keys stay in the isolated home");
    }

    [Test]
    public void Without_a_token_no_askpass_helper_is_written()
    {
        var env = GitEnvironment.Create(new GitSourceOptions { Url = "https://git.example/org/repo.git", WorkDir = home }, home);

        Assert.That(env["GIT_ASKPASS"], Is.Null);
        Assert.That(File.Exists(Path.Combine(home, "askpass.sh")), Is.False);
    }
}
