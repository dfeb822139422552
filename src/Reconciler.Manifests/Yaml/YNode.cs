using Reconciler.Core.Model;

namespace Reconciler.Manifests.Yaml;

/// <summary>
/// Our own small YAML tree built from parser events (not YamlDotNet's recursive representation model), so depth,
/// alias expansion and duplicate keys are checked while streaming. Every node keeps where it started.
/// Classes, not records: an aliased node is shared by reference and value equality would walk the expansion.
/// </summary>
internal abstract class YNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>How many nodes this one stands for once aliases are expanded (saturating).</summary>
    public long Weight { get; set; } = 1;

    public abstract string Describe { get; }
}

/// <summary>A scalar; <see cref="IsPlain"/> is false for quoted or block scalars (so "null" stays a string).</summary>
internal sealed class YScalar(SourceLocation location, string text, bool isPlain) : YNode(location)
{
    public string Text { get; } = text;

    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe => IsNull ? "null" : $"the scalar '{Shorten(Text)}'";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}

internal sealed class YSequence(SourceLocation location) : YNode(location)
{
    public List<YNode> Items { get; } = [];

    public override string Describe => "a list";
}

internal sealed class YMapping(SourceLocation location) : YNode(location)
{
    public List<KeyValuePair<YScalar, YNode>> Entries { get; } = [];

    public override string Describe => "a mapping";

    public YNode? Get(string key) => Entries.FirstOrDefault(e => e.Key.Text == key).Value;
}
