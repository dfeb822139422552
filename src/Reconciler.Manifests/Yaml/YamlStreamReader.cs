using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reconciler.Manifests.Yaml;

/// <summary>
/// Reads a YAML stream event by event into <see cref="YNode"/> trees. Checks what YamlDotNet's representation model
/// would not: nesting depth (no deep recursion, so 50,000 '[' cannot overflow the stack), alias expansion
/// ("billion laughs"), custom tags and duplicate keys. Stops at the first fatal problem; collects the others.
/// </summary>
internal sealed class YamlStreamReader(string file, YamlLimits limits)
{
    private readonly List<YDocument> documents = [];
    private readonly List<Diagnostic> diagnostics = [];
    private readonly Stack<YFrame> stack = new();
    private readonly Dictionary<string, YNode> anchors = [];
    private YNode? root;
    private SourceLocation documentStart = SourceLocation.None;
    private long documentWeight;
    private ParsingEvent? last;

    public static YamlReadResult Read(string text, string file, YamlLimits limits) =>
        new YamlStreamReader(file, limits).Read(text);

    private YamlReadResult Read(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                last = parser.Current!;
                if (!Handle(last))
                {
                    break;
                }
            }
        }
        catch (YamlException exception)
        {
            diagnostics.Add(YamlErrors.FromException(exception, file, text));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // YamlDotNet 16.3 throws InvalidOperationException (not a YamlException) on some malformed input, e.g. an unclosed [.
            diagnostics.Add(YamlErrors.Unparsable(last is null ? new SourceLocation(file, 1, 1) : At(last), file, text));
        }
        return new YamlReadResult(documents, diagnostics);
    }

    /// <summary>Returns false to stop reading (a fatal bound was hit).</summary>
    private bool Handle(ParsingEvent e) => e switch
    {
        DocumentStart start => StartDocument(start),
        DocumentEnd => EndDocument(),
        Scalar scalar => Add(new YScalar(At(scalar), scalar.Value, scalar.Style == ScalarStyle.Plain), scalar),
        SequenceStart start => Open(new YSequence(At(start)), start),
        MappingStart start => Open(new YMapping(At(start)), start),
        SequenceEnd or MappingEnd => Close(),
        AnchorAlias alias => AddAlias(alias),
        _ => true,
    };

    private bool StartDocument(DocumentStart start)
    {
        (root, documentStart, documentWeight) = (null, At(start), 0);
        stack.Clear();
        anchors.Clear();
        return true;
    }

    private bool EndDocument()
    {
        documents.Add(new YDocument(root, documentStart));
        return true;
    }

    private bool Open(YNode node, NodeEvent e)
    {
        if (stack.Count >= limits.MaxDepth)
        {
            return Fatal(DiagnosticCodes.NestingTooDeep,
                $"nesting is deeper than {limits.MaxDepth} levels; a manifest never needs this — flatten the structure", node.Location);
        }
        if (!Add(node, e))
        {
            return false;
        }
        stack.Push(new YFrame(node, e.Anchor.IsEmpty ? null : e.Anchor.Value));
        return true;
    }

    private bool Close()
    {
        var frame = stack.Pop();
        if (frame.Anchor is not null)
        {
            // Registered only once complete, so an alias can never point into itself (no cycles).
            anchors[frame.Anchor] = frame.Node;
        }
        if (stack.TryPeek(out var parent))
        {
            parent.Node.Weight = Saturate(parent.Node.Weight, frame.Node.Weight);
        }
        return true;
    }

    private bool Add(YNode node, NodeEvent e)
    {
        CheckTag(e, node.Location);
        if (e is Scalar && !e.Anchor.IsEmpty)
        {
            anchors[e.Anchor.Value] = node;
        }
        return Attach(node, node is YScalar ? 1 : 0, counted: 1);
    }

    private bool AddAlias(AnchorAlias alias)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var target))
        {
            return Fatal(DiagnosticCodes.YamlSyntax, $"alias '*{alias.Value.Value}' refers to no anchor defined before it — define '&{alias.Value.Value}' first", At(alias));
        }
        return Attach(target, target.Weight, counted: target.Weight);
    }

    private bool Attach(YNode node, long weight, long counted)
    {
        documentWeight = Saturate(documentWeight, counted);
        if (documentWeight > limits.MaxNodes)
        {
            return Fatal(DiagnosticCodes.TooManyNodes,
                $"the document expands to more than {limits.MaxNodes} nodes (aliases multiply content, as in a 'billion laughs' file); remove the aliases or split the file", node.Location);
        }
        if (!stack.TryPeek(out var parent))
        {
            root = node;
            return true;
        }
        parent.Node.Weight = Saturate(parent.Node.Weight, weight);
        parent.Attach(node, diagnostics);
        return true;
    }

    private void CheckTag(NodeEvent e, SourceLocation location)
    {
        if (!e.Tag.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CustomTag,
                $"YAML tags such as '{e.Tag.Value.Replace("tag:yaml.org,2002:", "!!")}' are not allowed in manifests; remove the tag and write a plain value", location));
        }
    }

    private bool Fatal(string code, string message, SourceLocation location)
    {
        diagnostics.Add(Diagnostic.Error(code, message, location));
        return false;
    }

    private SourceLocation At(ParsingEvent e) => YamlErrors.Locate(file, e.Start);

    private static long Saturate(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
