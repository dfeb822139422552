using Reconciler.Core.CloudRun;
using Reconciler.Core.Ecs;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Yaml;

namespace Reconciler.Manifests.Binding;

/// <summary>One document (<c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, <c>spec</c>) → a Core manifest record.</summary>
internal static class DocumentBinder
{
    private static readonly string[] TopLevel = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] Kinds = [ResourceKinds.EcsService, ResourceKinds.CloudRunService];

    public static ResourceManifest? Bind(YDocument document, BindingContext context)
    {
        if (document.Root is not YMapping root)
        {
            context.Error(DiagnosticCodes.WrongType, "a manifest document must be a mapping with apiVersion, kind, metadata and spec",
                document.Root?.Location ?? document.Location, "");
            return null;
        }
        foreach (var key in root.Entries.Select(e => e.Key).Where(k => !TopLevel.Contains(k.Text)))
        {
            context.Error(DiagnosticCodes.UnknownField, $"unknown field '{key.Text}'; {NameSuggester.Hint(key.Text, TopLevel)}", key.Location, key.Text);
        }
        var apiVersionOk = CheckApiVersion(root, context);
        var specType = SpecType(root, context);
        var metadata = Required(root, "metadata", typeof(ManifestMetadata), context) as ManifestMetadata;
        var spec = specType is null ? null : Required(root, "spec", specType, context);
        if (!apiVersionOk || metadata is null || spec is null)
        {
            return null;
        }
        var source = root.Location;
        return spec switch
        {
            EcsServiceSpec ecs => new EcsServiceManifest(metadata, source, ecs),
            CloudRunServiceSpec cloudRun => new CloudRunServiceManifest(metadata, source, cloudRun),
            _ => null,
        };
    }

    private static bool CheckApiVersion(YMapping root, BindingContext context)
    {
        if (Text(root, "apiVersion", context) is not { } apiVersion)
        {
            return false;
        }
        if (apiVersion.Text == ResourceKinds.ApiVersion)
        {
            return true;
        }
        context.Error(DiagnosticCodes.WrongApiVersion, $"apiVersion '{apiVersion.Text}' is not supported; use '{ResourceKinds.ApiVersion}'", apiVersion.Location, "apiVersion");
        return false;
    }

    private static Type? SpecType(YMapping root, BindingContext context)
    {
        if (Text(root, "kind", context) is not { } kind)
        {
            return null;
        }
        switch (kind.Text)
        {
            case ResourceKinds.EcsService: return typeof(EcsServiceSpec);
            case ResourceKinds.CloudRunService: return typeof(CloudRunServiceSpec);
        }
        var hint = NameSuggester.Nearest(kind.Text, Kinds) is { } near ? $"did you mean '{near}'?" : $"use one of {string.Join(", ", Kinds)}";
        context.Error(DiagnosticCodes.UnknownKind, $"unknown kind '{kind.Text}'; {hint}", kind.Location, "kind");
        return null;
    }

    private static YScalar? Text(YMapping root, string field, BindingContext context)
    {
        switch (root.Get(field))
        {
            case YScalar { IsNull: false } scalar:
                context.Locations.Record(field, scalar.Location);
                return scalar;
            case null or YScalar:
                context.Error(DiagnosticCodes.MissingField, $"missing required field '{field}'", root.Location, field);
                return null;
            case var other:
                context.Error(DiagnosticCodes.WrongType, $"'{field}' must be text, got {other.Describe}", other.Location, field);
                return null;
        }
    }

    private static object? Required(YMapping root, string field, Type type, BindingContext context)
    {
        var node = root.Get(field);
        if (node is null or YScalar { IsNull: true })
        {
            context.Error(DiagnosticCodes.MissingField, $"missing required field '{field}'", node?.Location ?? root.Location, field);
            return null;
        }
        return RecordBinder.Bind(node, type, type, field, context).Value;
    }
}
