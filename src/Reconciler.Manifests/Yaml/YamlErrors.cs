using System.Text.RegularExpressions;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using YamlDotNet.Core;

namespace Reconciler.Manifests.Yaml;

/// <summary>Turns YamlDotNet's exceptions into a diagnostic a person can act on (no type names, no stack trace).</summary>
internal static partial class YamlErrors
{
    public static Diagnostic FromException(YamlException exception, string file, string text)
    {
        var location = Locate(file, exception.Start);
        var tabLine = FirstTabIndentedLine(text, location.Line + 1);
        if (tabLine > 0)
        {
            return TabDiagnostic(file, tabLine);
        }
        var message = MarkPrefix().Replace(exception.Message, "").Trim();
        return Diagnostic.Error(DiagnosticCodes.YamlSyntax,
            $"YAML syntax error: {Lower(message)} — check indentation, quotes and brackets near here", location);
    }

    /// <summary>For parser failures without a position of their own: points after the last good token.</summary>
    public static Diagnostic Unparsable(SourceLocation near, string file, string text)
    {
        var tabLine = FirstTabIndentedLine(text, near.Line + 1);
        return tabLine > 0
            ? TabDiagnostic(file, tabLine)
            : Diagnostic.Error(DiagnosticCodes.YamlSyntax,
                "YAML syntax error after this point: the file ends inside an unclosed '[', '{' or quote — close it", near);
    }

    public static SourceLocation Locate(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private static Diagnostic TabDiagnostic(string file, int line) =>
        Diagnostic.Error(DiagnosticCodes.YamlSyntax,
            "a tab character is used for indentation; YAML allows only spaces there — replace the tab with spaces",
            new SourceLocation(file, line, 1));

    /// <summary>The first line up to <paramref name="lastLine"/> whose indentation contains a tab, or 0.</summary>
    private static int FirstTabIndentedLine(string text, int lastLine)
    {
        using var reader = new StringReader(text);
        for (var number = 1; number <= Math.Max(lastLine, 1) && reader.ReadLine() is { } line; number++)
        {
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            if (line.AsSpan(0, indent).Contains('\t'))
            {
                return number;
            }
        }
        return 0;
    }

    private static string Lower(string message) =>
        message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "unreadable YAML";

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
