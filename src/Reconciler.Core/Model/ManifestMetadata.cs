namespace Reconciler.Core.Model;

public sealed record ManifestMetadata(
    string Name,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Annotations = null);
