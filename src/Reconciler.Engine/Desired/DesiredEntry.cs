using Reconciler.Core.Model;

namespace Reconciler.Engine.Desired;

/// <summary>A desired resource as of a source revision. <see cref="Stale"/>: its file is currently broken, so this is the last good version.</summary>
public sealed record DesiredEntry(ResourceManifest Manifest, string Revision, string File, bool Stale);
