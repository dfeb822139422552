using Reconciler.Manifests.Diagnostics;

namespace Reconciler.Manifests.Yaml;

internal sealed record YamlReadResult(IReadOnlyList<YDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics);
