namespace Reconciler.Manifests.Loading;

/// <summary>Bounds on what the loader will read; hostile or broken files fail fast with a clear error.</summary>
public sealed record ManifestLoaderOptions
{
    public static readonly ManifestLoaderOptions Default = new();

    /// <summary>Files larger than this are rejected before being read (default 1 MiB).</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest nesting of lists and mappings (a manifest needs about 8).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes one document may expand to, counting alias expansions ("billion laughs" guard).</summary>
    public long MaxNodesPerDocument { get; init; } = 100_000;

    /// <summary>Run the lint rules (warnings) after validation.</summary>
    public bool Lint { get; init; } = true;
}
