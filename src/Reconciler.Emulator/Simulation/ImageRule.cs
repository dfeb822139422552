using System.Text.RegularExpressions;

namespace Reconciler.Emulator.Simulation;

/// <summary>
/// A run-time rule mapping images to a behaviour. Exactly one of <see cref="Image"/> (exact match),
/// <see cref="Suffix"/> (image ends with) or <see cref="Pattern"/> (regular expression) is set.
/// </summary>
public sealed record ImageRule(ContainerBehaviour Behaviour, string? Image = null, string? Suffix = null, string? Pattern = null)
{
    public static ImageRule ForImage(string image, ContainerBehaviour behaviour) => new(behaviour, Image: image);

    public static ImageRule ForSuffix(string suffix, ContainerBehaviour behaviour) => new(behaviour, Suffix: suffix);

    public static ImageRule ForPattern(string pattern, ContainerBehaviour behaviour) => new(behaviour, Pattern: pattern);

    internal string? Problem()
    {
        var set = new[] { Image, Suffix, Pattern }.Count(s => !string.IsNullOrEmpty(s));
        if (set != 1)
        {
            return "a rule needs exactly one of image, suffix or pattern";
        }
        if (Behaviour.ReadySeconds < 0)
        {
            return "readySeconds must be 0 or more";
        }
        if (Pattern is null)
        {
            return null;
        }
        try
        {
            _ = new Regex(Pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return $"pattern '{Pattern}' is not a valid regular expression: {e.Message}";
        }
    }

    internal bool Matches(string image) =>
        (Image is not null && image == Image)
        || (Suffix is not null && image.EndsWith(Suffix, StringComparison.Ordinal))
        || (Pattern is not null && Regex.IsMatch(image, Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
}
