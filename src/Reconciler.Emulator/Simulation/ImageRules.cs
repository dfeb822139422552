using System.Text.RegularExpressions;

namespace Reconciler.Emulator.Simulation;

/// <summary>
/// Resolves an image to its behaviour: run-time rules first (first match wins), then the tag conventions
/// (<c>-unhealthy</c>, <c>-crash</c>, <c>-startup-&lt;N&gt;s</c>), so a manifest alone can describe a scenario.
/// </summary>
internal sealed partial class ImageRules
{
    private readonly Lock _gate = new();
    private List<ImageRule> _rules = [];

    public IReadOnlyList<ImageRule> Rules
    {
        get { lock (_gate) { return _rules.ToList(); } }
    }

    public void Replace(IEnumerable<ImageRule> rules)
    {
        var list = rules.ToList();
        var problems = list.Select((r, i) => r.Problem() is { } p ? $"rule {i}: {p}" : null).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid image rules: " + string.Join("; ", problems));
        }
        lock (_gate) { _rules = list; }
    }

    public void Add(ImageRule rule) => Replace(Rules.Append(rule));

    public ContainerBehaviour Resolve(string image)
    {
        lock (_gate)
        {
            return _rules.FirstOrDefault(r => r.Matches(image))?.Behaviour ?? FromTag(image);
        }
    }

    public static ContainerBehaviour FromTag(string image)
    {
        var tag = Tag(image);
        if (tag.EndsWith("-unhealthy", StringComparison.Ordinal))
        {
            return ContainerBehaviour.Unhealthy;
        }
        if (tag.EndsWith("-crash", StringComparison.Ordinal))
        {
            return ContainerBehaviour.Crash;
        }
        var startup = StartupSuffix().Match(tag);
        return startup.Success ? ContainerBehaviour.SlowStart(int.Parse(startup.Groups[1].Value)) : ContainerBehaviour.Healthy;
    }

    private static string Tag(string image)
    {
        var at = image.IndexOf('@');
        var name = at >= 0 ? image[..at] : image;
        var colon = name.LastIndexOf(':');
        // A colon before the last slash belongs to a registry port, not a tag.
        return colon > name.LastIndexOf('/') ? name[(colon + 1)..] : "";
    }

    [GeneratedRegex(@"-startup-(\d{1,6})s$")]
    private static partial Regex StartupSuffix();
}
