using Reconciler.Core.Model;

namespace Reconciler.Manifests.Yaml;

/// <summary>One YAML document of a file: its root (null when empty) and where it started.</summary>
internal sealed record YDocument(YNode? Root, SourceLocation Location);
