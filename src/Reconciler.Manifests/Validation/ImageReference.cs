using System.Text.RegularExpressions;

namespace Reconciler.Manifests.Validation;

/// <summary>
/// The Docker reference grammar (github.com/distribution/reference): <c>[host[:port]/]path[:tag][@sha256:hex]</c>,
/// path components lower-case alphanumerics joined by <c>.</c>, <c>_</c>, <c>__</c> or dashes; a tag
/// <c>[\w][\w.-]{0,127}</c>; a sha256 digest of 64 lower-case hex characters; the name at most 255 characters.
/// Public so an image resolved from SSM can be checked the same way after resolution.
/// </summary>
public static partial class ImageReference
{
    private const int MaxNameLength = 255;

    /// <summary>Why <paramref name="image"/> is not a valid reference (with what to write instead), or null when it is.</summary>
    public static string? Problem(string image)
    {
        if (image.Length == 0)
        {
            return "the image is empty; give a reference such as registry.example.com/team/app:v1.2.3";
        }
        if (image.Any(char.IsWhiteSpace))
        {
            return $"the image '{image}' contains a space; an image reference has no spaces (e.g. repo/my-image:1)";
        }
        var rest = image;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var digest = rest[(at + 1)..];
            if (!Digest().IsMatch(digest))
            {
                return $"the digest '{digest}' is not sha256: followed by exactly 64 lower-case hex characters";
            }
            rest = rest[..at];
        }
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            var tag = rest[(colon + 1)..];
            if (!Tag().IsMatch(tag))
            {
                return tag.Length > 128
                    ? $"the tag has {tag.Length} characters; a tag has at most 128"
                    : $"the tag '{tag}' is not valid: letters, digits, '_', '.' and '-', starting with a letter, digit or '_'";
            }
            rest = rest[..colon];
        }
        return Name(rest);
    }

    private static string? Name(string name)
    {
        if (name.Length > MaxNameLength)
        {
            return $"the repository name has {name.Length} characters; at most {MaxNameLength}";
        }
        var parts = name.Split('/');
        var hasHost = parts.Length > 1 && (parts[0].Contains('.') || parts[0].Contains(':') || parts[0] == "localhost" || parts[0].Any(char.IsUpper));
        if (hasHost && !Host().IsMatch(parts[0]))
        {
            return $"the registry '{parts[0]}' is not a host name with an optional :port (e.g. registry.example.com:5000)";
        }
        foreach (var part in parts.Skip(hasHost ? 1 : 0))
        {
            if (!PathComponent().IsMatch(part))
            {
                return part.Any(char.IsUpper)
                    ? $"the repository path '{part}' must be lower-case: write '{part.ToLowerInvariant()}'"
                    : $"the repository path '{part}' is not valid: lower-case letters and digits, separated by '.', '_', '__' or '-'";
            }
        }
        return null;
    }

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?$")]
    private static partial Regex Host();

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$")]
    private static partial Regex PathComponent();
}
