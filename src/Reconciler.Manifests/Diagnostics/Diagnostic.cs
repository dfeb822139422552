using Reconciler.Core.Model;

namespace Reconciler.Manifests.Diagnostics;

/// <summary>
/// One finding about a manifest, formatted like a compiler message: <c>path:line:col: error RC0012: message</c>.
/// Messages never contain a secret value.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location, string? FieldPath)
{
    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Error(string code, string message, SourceLocation location, string? fieldPath = null) =>
        new(Severity.Error, code, message, location, fieldPath);

    public static Diagnostic Warning(string code, string message, SourceLocation location, string? fieldPath = null) =>
        new(Severity.Warning, code, message, location, fieldPath);

    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var field = FieldPath is null ? "" : $" (field {FieldPath})";
        // A whole-file problem (too large, unreadable) has no line: "path: error RC0002: ...".
        var where = Location.Line > 0 ? Location.ToString() : Location.File;
        return $"{where}: {severity} {Code}: {Message}{field}";
    }
}
