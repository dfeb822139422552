using System.Text.RegularExpressions;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Deployment;

/// <summary>
/// The build context `docker build .` would send, computed from .dockerignore. Only the two pattern shapes the
/// file uses are understood (`path` from the root, `**/name` anywhere, `*` inside a name); any other shape fails
/// the test rather than being guessed at.
/// </summary>
internal static class DockerContext
{
    public static IReadOnlyList<string> Patterns() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    public static bool Excludes(string relativePath)
    {
        var segments = relativePath.Replace('\\', '/').Split('/');
        foreach (var pattern in Patterns())
        {
            if (pattern.StartsWith('!') || pattern.Count(c => c == '/') > (pattern.StartsWith("**/", StringComparison.Ordinal) ? 1 : 0))
            {
                Assert.Fail($".dockerignore pattern '{pattern}' is not one of the shapes DockerContext understands");
            }
            var anywhere = pattern.StartsWith("**/", StringComparison.Ordinal);
            var name = Glob(anywhere ? pattern[3..] : pattern);
            if (anywhere ? segments.Any(name.IsMatch) : name.IsMatch(segments[0]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Copies the files the context would hold into <paramref name="target"/>; excluded folders are not entered.</summary>
    public static void CopyTo(string target) => Copy(RepoPaths.Root, target);

    private static void Copy(string dir, string target)
    {
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, entry.FullName);
            if (Excludes(relative))
            {
                continue;
            }
            var destination = Path.Combine(target, relative);
            if (entry is DirectoryInfo)
            {
                Copy(entry.FullName, target);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(entry.FullName, destination);
            }
        }
    }

    private static Regex Glob(string name) => new("^" + Regex.Escape(name).Replace("\\*", "[^/]*", StringComparison.Ordinal) + "$");
}
