using System.Diagnostics;

namespace Reconciler.Testing.Git;

/// <summary>
/// A throw-away git repository in a temp folder for tests that fetch through file://. Git runs with no
/// system or user configuration and a fixed identity, so results do not depend on the machine.
/// </summary>
public sealed class TempGitRepo : IDisposable
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(30);

    private TempGitRepo(string path)
    {
        Path = path;
    }

    /// <summary>The working tree (and repository) folder.</summary>
    public string Path { get; }

    /// <summary>file:// URL of the repository; shallow fetches work through it (a plain path would ignore --depth).</summary>
    public string Url => new Uri(Path).AbsoluteUri;

    public static TempGitRepo Init(string branch = "main")
    {
        var path = Directory.CreateTempSubdirectory("reconciler-repo-").FullName;
        var repo = new TempGitRepo(path);
        repo.Git("init", "--quiet", "-b", branch);
        return repo;
    }

    public void WriteFile(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void DeleteFile(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    /// <summary>Stages everything and commits; returns the full SHA of the new commit.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "--quiet", "--no-gpg-sign", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public void CreateBranch(string name) => Git("branch", name);

    /// <summary>Runs git in the repository and returns stdout; throws with stderr when git fails.</summary>
    public string Git(params string[] arguments) => Run(Path, arguments);

    /// <summary>Runs git in any folder with the same isolated environment (e.g. to inspect a source's cache).</summary>
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        Isolate(info.Environment);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(GitTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} timed out");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {stderr.Result}");
        }
        return stdout.Result;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static void Isolate(IDictionary<string, string?> env)
    {
        env["GIT_CONFIG_NOSYSTEM"] = "1";
        env["GIT_CONFIG_GLOBAL"] = "/dev/null";
        env["GIT_TERMINAL_PROMPT"] = "0";
        env["GIT_AUTHOR_NAME"] = "Test Author";
        env["GIT_AUTHOR_EMAIL"] = "author@example.test";
        env["GIT_COMMITTER_NAME"] = "Test Author";
        env["GIT_COMMITTER_EMAIL"] = "author@example.test";
    }
}
