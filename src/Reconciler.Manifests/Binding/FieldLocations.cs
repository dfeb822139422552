using Reconciler.Core.Model;

namespace Reconciler.Manifests.Binding;

/// <summary>
/// Where each field of one document was written, by field path (<c>spec.taskDefinition.containers[0].image</c>),
/// so rules that run on the typed records can still point at a line.
/// </summary>
public sealed class FieldLocations(SourceLocation document)
{
    private readonly Dictionary<string, SourceLocation> byPath = new(StringComparer.Ordinal);

    public SourceLocation Document { get; } = document;

    internal void Record(string path, SourceLocation location) => byPath[path] = location;

    /// <summary>The location of the path, or of its nearest written ancestor, or of the document.</summary>
    public SourceLocation Of(string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (byPath.TryGetValue(current, out var location))
            {
                return location;
            }
        }
        return Document;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
