using System.Globalization;
using System.Text.RegularExpressions;

namespace Reconciler.Daemon.Tests.Scenarios;

/// <summary>A Prometheus text scrape read back into samples (name, labels, value), for assertions on what an operator would query.</summary>
internal sealed partial class ScrapedMetrics(IReadOnlyList<ScrapedMetrics.Sample> samples)
{
    internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IEnumerable<string> Names => samples.Select(s => s.Name).Distinct();

    public static ScrapedMetrics Parse(string text) => new(text.Split('\n')
        .Where(l => l.Length > 0 && l[0] != '#')
        .Select(l => SampleLine().Match(l))
        .Where(m => m.Success)
        .Select(m => new Sample(m.Groups["name"].Value,
            LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(p => p.Groups[1].Value, p => Unescape(p.Groups[2].Value)),
            double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
        .ToList());

    public IReadOnlyList<Sample> Series(string name, params (string Key, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();

    /// <summary>The value of the one series matching; fails when there is none or more than one.</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var found = Series(name, labels);
        Assert.That(found, Has.Count.EqualTo(1), $"one series {name}{{{string.Join(",", labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}, found: "
            + string.Join("; ", Series(name).Select(s => string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}")) + " " + s.Value)));
        return found[0].Value;
    }

    public double Sum(string name, params (string Key, string Value)[] labels) => Series(name, labels).Sum(s => s.Value);

    private static string Unescape(string value) => value.Replace("\\\"", "\"").Replace("\\n", "\n").Replace("\\\\", "\\");

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
