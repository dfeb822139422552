using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

/// <summary>A fresh remote repository and an empty work dir per test.</summary>
public abstract class GitSourceFixture
{
    protected TempGitRepo Remote { get; private set; } = null!;

    protected string WorkDir { get; private set; } = null!;

    [SetUp]
    public void CreateRepository()
    {
        Remote = TempGitRepo.Init();
        WorkDir = Directory.CreateTempSubdirectory("reconciler-git-work-").FullName;
    }

    [TearDown]
    public void DeleteRepository()
    {
        Remote.Dispose();
        Directory.Delete(WorkDir, recursive: true);
    }

    protected GitSourceOptions Options(string branch = "main", string path = ".", string? tokenFile = null) =>
        new() { Url = Remote.Url, WorkDir = WorkDir, Branch = branch, Path = path, TokenFile = tokenFile };

    protected string CommitManifest(string name, string content, string message = "change")
    {
        Remote.WriteFile(name, content);
        return Remote.Commit(message);
    }
}
