using System.Reflection;
using Reconciler.Core.Model;
using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Yaml;

namespace Reconciler.Manifests.Binding;

/// <summary>
/// Binds YAML onto the Core records by their primary constructor: a field is the camelCase of a parameter, required
/// when the parameter has no default. Strict: unknown fields, wrong types and missing fields are all reported.
/// </summary>
internal static class RecordBinder
{
    public static BindResult Bind(YNode node, Type type, Type owner, string path, BindingContext context)
    {
        context.Locations.Record(path, node.Location);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is YScalar { IsNull: true })
        {
            return BindResult.Of(null);
        }
        if (ScalarBinder.Handles(type))
        {
            return ScalarBinder.Bind(node, type, path, context);
        }
        if (type == typeof(Value))
        {
            return ReferenceBinder.BindValue(node, path, context);
        }
        if (type == typeof(Reconciler.Core.Verification.ExpectedStatus))
        {
            return BindExpectedStatus(node, owner, path, context);
        }
        if (type == typeof(SecretRef))
        {
            return ReferenceBinder.BindSecret(node, owner, path, context);
        }
        if (CollectionBinder.Handles(type))
        {
            return CollectionBinder.Bind(node, type, owner, path, context);
        }
        return BindRecord(node, type, path, context);
    }

    public static IReadOnlyList<string> FieldNames(Type type) => Parameters(type).Select(p => CamelCase(p.Name!)).ToList();

    public static ParameterInfo[] Parameters(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary><c>expectStatus: 200</c> or <c>expectStatus: [200, 204]</c>.</summary>
    private static BindResult BindExpectedStatus(YNode node, Type owner, string path, BindingContext context)
    {
        var bound = node is YScalar
            ? ScalarBinder.Bind(node, typeof(int), path, context) is { Ok: true } one ? BindResult.Of(new List<int> { (int)one.Value! }) : BindResult.Failed
            : CollectionBinder.Bind(node, typeof(IReadOnlyList<int>), owner, path, context);
        return bound.Ok ? BindResult.Of(new Reconciler.Core.Verification.ExpectedStatus((IReadOnlyList<int>)bound.Value!)) : BindResult.Failed;
    }

    private static BindResult BindRecord(YNode node, Type type, string path, BindingContext context)
    {
        var fields = FieldNames(type);
        if (node is not YMapping mapping)
        {
            context.Error(DiagnosticCodes.WrongType, $"expected a mapping with fields {string.Join(", ", fields)}; got {node.Describe}", node.Location, path);
            return BindResult.Failed;
        }
        var ok = ReportUnknown(mapping, fields, path, context);
        var parameters = Parameters(type);
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var field = CamelCase(parameters[i].Name!);
            var bound = BindField(mapping, parameters[i], field, type, Join(path, field), context);
            ok &= bound.Ok;
            arguments[i] = bound.Value;
        }
        return ok ? BindResult.Of(Activator.CreateInstance(type, arguments)) : BindResult.Failed;
    }

    private static BindResult BindField(YMapping mapping, ParameterInfo parameter, string field, Type owner, string path, BindingContext context)
    {
        var value = mapping.Get(field);
        var bound = value is null ? BindResult.Of(null) : Bind(value, parameter.ParameterType, owner, path, context);
        if (!bound.Ok || bound.Value is not null)
        {
            return bound;
        }
        if (parameter.HasDefaultValue)
        {
            return BindResult.Of(parameter.DefaultValue);
        }
        var where = value is null ? mapping.Location : value.Location;
        context.Error(DiagnosticCodes.MissingField, $"missing required field '{field}'{(value is null ? "" : " (it is empty)")}", where, path);
        return BindResult.Failed;
    }

    private static bool ReportUnknown(YMapping mapping, IReadOnlyList<string> fields, string path, BindingContext context)
    {
        var ok = true;
        foreach (var key in mapping.Entries.Select(e => e.Key).Where(k => !fields.Contains(k.Text)))
        {
            context.Error(DiagnosticCodes.UnknownField, $"unknown field '{key.Text}'; {NameSuggester.Hint(key.Text, fields)}", key.Location, Join(path, key.Text));
            ok = false;
        }
        return ok;
    }

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
