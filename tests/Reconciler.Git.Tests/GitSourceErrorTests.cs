using Reconciler.Core.Sources;
using Reconciler.Git.Processes;

namespace Reconciler.Git.Tests;

public sealed class GitSourceErrorTests : GitSourceFixture
{
    private const string Token = "ghp_S3cretT0kenValue1234567890";

    [Test]
    public void A_missing_branch_fails_with_the_branch_url_and_git_reason()
    {
        CommitManifest("web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options(branch: "release"));

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith($"git fetch of branch 'release' from {Remote.Url} failed: "));
        Assert.That(error.Message, Does.Contain("couldn't find remote ref"));
    }

    [Test]
    public void A_missing_path_fails_naming_the_path_and_the_commit()
    {
        var sha = CommitManifest("web.yaml", "image: web:1");
        var source = new GitRepositorySource(Options(path: "deploy"));

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("Path 'deploy' does not exist in commit " + sha));
    }

    [Test]
    public void The_token_never_appears_in_arguments_environment_or_errors()
    {
        CommitManifest("web.yaml", "image: web:1");
        var tokenFile = WriteTokenFile();
        var runner = new RecordingProcessRunner();
        var source = new GitRepositorySource(Options(branch: "missing", tokenFile: tokenFile), runner);

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None));

        Assert.That(runner.Requests, Is.Not.Empty);
        Assert.That(runner.AllArgumentsAndEnvironmentValues, Has.None.Contains(Token));
        Assert.That(error!.Message, Does.Not.Contain(Token));
    }

    [Test]
    public void Credentials_echoed_by_git_are_redacted_from_the_error()
    {
        var tokenFile = WriteTokenFile();
        var runner = new RecordingProcessRunner(answer: request => request.Arguments.Contains("fetch")
            ? new ProcessResult(128, "", $"fatal: unable to access 'https://bot:{Token}@git.example/org/repo/': 403 for {Token}\n")
            : new ProcessResult(0, "", ""));
        var source = new GitRepositorySource(Options(tokenFile: tokenFile), runner);

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Not.Contain(Token));
        Assert.That(error.Message, Does.Contain("'https://***@git.example/org/repo/': 403 for ***"));
    }

    [Test]
    public void An_untrusted_ssh_host_key_fails_naming_the_known_hosts_file_to_add_it_to()
    {
        var runner = new RecordingProcessRunner(answer: request => request.Arguments.Contains("fetch")
            ? new ProcessResult(128, "", "Host key verification failed.\nfatal: Could not read from remote repository.\n")
            : new ProcessResult(0, "", ""));
        var source = new GitRepositorySource(Options() with { Url = "ssh://git@git.example/org/repo.git" }, runner);

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None))!;

        Assert.That(error.Message, Does.Contain("Host key verification failed").And.Contain("add it to the file given as --known-hosts-file"));
    }

    [Test]
    public async Task Git_runs_without_prompts_or_system_and_user_configuration()
    {
        CommitManifest("web.yaml", "image: web:1");
        var runner = new RecordingProcessRunner();
        await new GitRepositorySource(Options(), runner).FetchAsync(CancellationToken.None);

        var env = runner.Requests.First().Environment;

        Assert.That(env["GIT_TERMINAL_PROMPT"], Is.EqualTo("0"));
        Assert.That(env["GIT_CONFIG_NOSYSTEM"], Is.EqualTo("1"));
        Assert.That(env["GIT_CONFIG_GLOBAL"], Is.EqualTo("/dev/null"));
        Assert.That(env["HOME"], Does.StartWith(WorkDir));
    }

    [Test]
    public void A_git_command_that_times_out_fails_with_an_actionable_message()
    {
        var runner = new RecordingProcessRunner(answer: request => request.Arguments.Contains("fetch")
            ? new ProcessResult(-1, "", "", TimedOut: true)
            : new ProcessResult(0, "", ""));
        var source = new GitRepositorySource(Options() with { Timeout = TimeSpan.FromSeconds(5) }, runner);

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo($"git fetch of branch 'main' from {Remote.Url} timed out after 5s; check network access to the remote or raise the git Timeout."));
    }

    [Test]
    public void An_unwritable_snapshot_folder_fails_naming_the_work_dir()
    {
        CommitManifest("web.yaml", "image: web:1");
        File.WriteAllText(Path.Combine(WorkDir, "snapshots"), "a file where the snapshots folder should be");
        var source = new GitRepositorySource(Options());

        var error = Assert.ThrowsAsync<SourceException>(() => source.FetchAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith($"Cannot write the git cache or snapshot under '{WorkDir}'"));
        Assert.That(error.Message, Does.EndWith("make WorkDir writable and check free disk space."));
    }

    private string WriteTokenFile()
    {
        var path = Path.Combine(WorkDir, "token");
        File.WriteAllText(path, Token + "\n");
        return path;
    }
}
