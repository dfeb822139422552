using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Binding;

/// <summary>What binding one document accumulates: every error (not only the first) and every field's location.</summary>
internal sealed class BindingContext(FieldLocations locations)
{
    public List<Diagnostic> Diagnostics { get; } = [];

    public FieldLocations Locations { get; } = locations;

    public void Error(string code, string message, SourceLocation location, string path) =>
        Diagnostics.Add(Diagnostic.Error(code, message, location, path));
}
