using Reconciler.Core.Model;
using Reconciler.Manifests.Binding;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Linting;
using Reconciler.Manifests.Validation;
using Reconciler.Manifests.Yaml;

namespace Reconciler.Manifests.Loading;

/// <summary>
/// Loads manifest files strictly: YAML → Core records, then validation (errors) and lint (warnings). Every problem of
/// a file is reported at once with file, line, column and field path; nothing throws on bad input.
/// </summary>
public sealed class ManifestLoader(ManifestLoaderOptions options)
{
    private readonly YamlLimits limits = new(options.MaxDepth, options.MaxNodesPerDocument);

    public ManifestLoader() : this(ManifestLoaderOptions.Default)
    {
    }

    /// <summary>Every *.yaml / *.yml file under <paramref name="root"/>, recursively.</summary>
    public LoadResult LoadDirectory(string root) => LoadPaths([root]);

    /// <summary>Files and folders (searched recursively); also checks that no kind/name is declared twice.</summary>
    public LoadResult LoadPaths(IEnumerable<string> paths)
    {
        var files = new List<FileLoadResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(ManifestFiles.Under(path).Where(f => seen.Add(Path.GetFullPath(f))).Select(LoadFile));
            }
            else if (seen.Add(Path.GetFullPath(path)))
            {
                files.Add(LoadFile(path));
            }
        }
        return new LoadResult(DuplicateResources.Reject(files));
    }

    public FileLoadResult LoadFile(string path) =>
        Read(path, out var text) is { } unreadable ? new FileLoadResult(path, [], [unreadable]) : LoadText(path, text);

    /// <summary>Loads YAML already in memory (e.g. a file read from a git revision); <paramref name="path"/> names it in messages.</summary>
    public FileLoadResult LoadText(string path, string text)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) > options.MaxFileBytes)
        {
            return new FileLoadResult(path, [], [TooLarge(path, System.Text.Encoding.UTF8.GetByteCount(text))]);
        }
        var read = YamlStreamReader.Read(text, path, limits);
        var diagnostics = new List<Diagnostic>(read.Diagnostics);
        var manifests = new List<ResourceManifest>();
        foreach (var document in read.Documents.Where(d => d.Root is not null and not YScalar { IsNull: true }))
        {
            if (LoadDocument(document, diagnostics) is { } manifest)
            {
                manifests.Add(manifest);
            }
        }
        var ordered = diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        var file = new FileLoadResult(path, ordered.Any(d => d.IsError) ? [] : manifests, ordered);
        return DuplicateResources.Reject([file])[0];
    }

    private ResourceManifest? LoadDocument(YDocument document, List<Diagnostic> diagnostics)
    {
        var context = new BindingContext(new FieldLocations(document.Location));
        var manifest = DocumentBinder.Bind(document, context);
        diagnostics.AddRange(context.Diagnostics);
        if (manifest is null)
        {
            return null;
        }
        var errors = ManifestValidator.Validate(manifest, context.Locations);
        diagnostics.AddRange(errors);
        if (options.Lint && errors.Count == 0)
        {
            diagnostics.AddRange(ManifestLinter.Lint(manifest, context.Locations));
        }
        return manifest;
    }

    private Diagnostic? Read(string path, out string text)
    {
        text = "";
        var location = new SourceLocation(path, 0, 0);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Diagnostic.Error(DiagnosticCodes.FileUnreadable, "no such file or folder; check the path", location);
            }
            if (info.Length > options.MaxFileBytes)
            {
                return TooLarge(path, info.Length);
            }
            text = File.ReadAllText(path);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Diagnostic.Error(DiagnosticCodes.FileUnreadable, $"cannot read the file ({exception.GetType().Name.Replace("Exception", "")}); check it exists and is readable", location);
        }
    }

    private Diagnostic TooLarge(string path, long bytes) =>
        Diagnostic.Error(DiagnosticCodes.FileTooLarge,
            $"file is {bytes} bytes, more than the limit of {options.MaxFileBytes}; split it into smaller manifest files (or raise --max-file-bytes)",
            new SourceLocation(path, 0, 0));
}
