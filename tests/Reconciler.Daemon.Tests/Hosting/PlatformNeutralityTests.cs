using System.Text.RegularExpressions;
using Reconciler.Testing;

namespace Reconciler.Daemon.Tests.Hosting;

/// <summary>
/// Issue 8, Part A 3: the engine and the daemon hold no platform assumption. Platforms are registered in one place
/// (<c>CloudConnection</c>, and <c>EmulatorSeed</c> which seeds the emulator's clusters); no other file of the engine or
/// the daemon names ECS or Cloud Run types.
/// </summary>
public sealed class PlatformNeutralityTests
{
    private static readonly string[] Registration = ["src/Reconciler.Daemon/Hosting/CloudConnection.cs", "src/Reconciler.Daemon/Hosting/EmulatorSeed.cs"];

    private static readonly Regex PlatformName = new(
        @"Platforms\.Ecs|Platforms\.CloudRun|Core\.Ecs|Core\.CloudRun|\bEcs[A-Z]\w*|\bCloudRun[A-Z]\w*|TaskDefinition|\bTagKeys\b",
        RegexOptions.Compiled);

    [Test]
    public void Outside_the_platform_registration_no_engine_or_daemon_source_names_a_platform()
    {
        var offenders = new[] { "src/Reconciler.Engine", "src/Reconciler.Daemon" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => !Registration.Any(r => f.EndsWith(r.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepoPaths.Root, f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && PlatformName.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.That(offenders, Is.Empty, string.Join("\n", offenders));
    }
}
