using Reconciler.Manifests.Binding;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Validation;

/// <summary>Collects the diagnostics of the rules run on one document, placing each at its field's line.</summary>
internal sealed class Findings(FieldLocations locations)
{
    private readonly List<Diagnostic> items = [];

    public IReadOnlyList<Diagnostic> Items => items;

    public void Error(string code, string message, string path) =>
        items.Add(Diagnostic.Error(code, message, locations.Of(path), path));

    public void Warning(string code, string message, string path) =>
        items.Add(Diagnostic.Warning(code, message, locations.Of(path), path));

    /// <summary>A number outside [min, max]; <paramref name="code"/> is <c>OutOfRange</c> unless a rule family has its own.</summary>
    public void Range(int? value, int min, int max, string path, string what, string code = DiagnosticCodes.OutOfRange)
    {
        if (value is { } v && (v < min || v > max))
        {
            Error(code, $"{what} must be between {min} and {max}, got {v}", path);
        }
    }

    public void Choice(string? value, IReadOnlyCollection<string> allowed, string path)
    {
        if (value is not null && !allowed.Contains(value))
        {
            Error(DiagnosticCodes.InvalidChoice, $"'{value}' is not allowed here; use one of {string.Join(", ", allowed)}", path);
        }
    }
}
