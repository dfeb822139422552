using System.Text.RegularExpressions;

namespace Reconciler.Manifests.Tests.Loading;

/// <summary>
/// A bad-value fixture in Fixtures/Broken/Values: its first line declares what the loader must report, as
/// <c># expect: RC0031 line 12 "phrase of the message"</c>.
/// </summary>
internal sealed partial record ValueFixture(string Path, string Code, int Line, string Phrase)
{
    public static string Folder => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Broken", "Values");

    public static IReadOnlyList<ValueFixture> All() =>
        Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).Select(Read).ToList();

    public static ValueFixture Read(string path)
    {
        var match = Header().Match(File.ReadLines(path).First());
        Assert.That(match.Success, Is.True, $"{path}: the first line must be '# expect: RC0nnn line N \"phrase\"'");
        return new ValueFixture(path, match.Groups[1].Value, int.Parse(match.Groups[2].Value), match.Groups[3].Value);
    }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    [GeneratedRegex("^# expect: (RC[0-9]{4}) line ([0-9]+) \"(.*)\"$")]
    private static partial Regex Header();
}
