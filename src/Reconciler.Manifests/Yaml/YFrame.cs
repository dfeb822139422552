using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Yaml;

/// <summary>An open sequence or mapping while streaming; a mapping alternates between waiting for a key and a value.</summary>
internal sealed class YFrame(YNode node, string? anchor)
{
    private readonly HashSet<string> keys = [];
    private YScalar? pendingKey;
    private bool skipValue;

    public YNode Node { get; } = node;

    public string? Anchor { get; } = anchor;

    public void Attach(YNode child, List<Diagnostic> diagnostics)
    {
        switch (Node)
        {
            case YSequence sequence:
                sequence.Items.Add(child);
                break;
            case YMapping mapping when pendingKey is null:
                AcceptKey(child, diagnostics);
                break;
            case YMapping mapping:
                if (!skipValue)
                {
                    mapping.Entries.Add(new(pendingKey, child));
                }
                (pendingKey, skipValue) = (null, false);
                break;
        }
    }

    private void AcceptKey(YNode child, List<Diagnostic> diagnostics)
    {
        if (child is not YScalar key)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType,
                "a mapping key must be a plain name, not a list or mapping", child.Location));
            (pendingKey, skipValue) = (new YScalar(child.Location, "", true), true);
            return;
        }
        pendingKey = key;
        skipValue = !keys.Add(key.Text);
        if (skipValue)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateKey,
                $"duplicate key '{key.Text}' in this mapping; keep only one '{key.Text}:' (YAML silently keeps one of them otherwise)", key.Location));
        }
    }
}
