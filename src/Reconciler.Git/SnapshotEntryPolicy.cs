namespace Reconciler.Git;

/// <summary>
/// Which entries of a commit's tree become files of the snapshot: everything, except symbolic links that leave the
/// repository (refused; reported when they sit under the manifests Path) and manifests that are not UTF-8 (refused and
/// reported). Manifests are *.yaml / *.yml under Path outside hidden folders, as the manifest loader picks them.
/// </summary>
internal sealed class SnapshotEntryPolicy(string manifestsPath, int maxFiles, long maxBytes)
{
    private readonly string prefix = manifestsPath is "." or "" ? "" : manifestsPath.Replace('\\', '/').Trim('/') + "/";

    public int ManifestFiles { get; private set; }

    public long ManifestBytes { get; private set; }

    /// <summary>The path relative to the manifests root when <paramref name="entryPath"/> is under it, else null.</summary>
    public string? UnderManifests(string entryPath) =>
        entryPath.StartsWith(prefix, StringComparison.Ordinal) ? entryPath[prefix.Length..] : null;

    public bool IsManifest(string entryPath) =>
        UnderManifests(entryPath) is { Length: > 0 } relative
        && (relative.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !relative.Split('/').Any(part => part.StartsWith('.'));

    /// <summary>A manifest, or a non-hidden name without an extension under Path (a link to a folder could hold manifests).</summary>
    public bool MayHoldManifests(string entryPath) =>
        IsManifest(entryPath)
        || (UnderManifests(entryPath) is { Length: > 0 } relative && !relative.Split('/').Any(part => part.StartsWith('.'))
            && !Path.HasExtension(relative));

    /// <summary>Counts one manifest toward the caps; a snapshot over either cap is refused as a whole.</summary>
    /// <returns>Null while within the caps, else the problem (without the fix, which the caller adds).</returns>
    public string? Count(long bytes)
    {
        ManifestFiles++;
        ManifestBytes += bytes;
        if (ManifestFiles > maxFiles)
        {
            return $"holds more than {maxFiles} manifest files (MaxManifestFiles)";
        }
        return ManifestBytes > maxBytes ? $"holds more than {maxBytes} bytes of manifests (MaxManifestBytes)" : null;
    }

    /// <summary>Null when the link stays inside the repository, else why it is refused.</summary>
    public static string? LinkProblem(string entryPath, string target)
    {
        if (target.StartsWith('/') || Path.IsPathRooted(target))
        {
            return $"is a symbolic link to the absolute path '{target}', outside the repository; the file is ignored: commit the file itself instead of the link";
        }
        var depth = entryPath.Split('/').Length - 1; // folders between the repository root and the link
        foreach (var part in target.Split('/'))
        {
            depth += part switch { ".." => -1, "." or "" => 0, _ => 1 };
            if (depth < 0)
            {
                return $"is a symbolic link to '{target}', which leaves the repository; the file is ignored: commit the file itself instead of the link";
            }
        }
        return null;
    }
}
