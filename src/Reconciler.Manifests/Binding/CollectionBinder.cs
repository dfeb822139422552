using Reconciler.Manifests.Diagnostics;
using Reconciler.Manifests.Yaml;

namespace Reconciler.Manifests.Binding;

/// <summary>Lists (<c>IReadOnlyList&lt;T&gt;</c>) and string-keyed maps (<c>IReadOnlyDictionary&lt;string, T&gt;</c>).</summary>
internal static class CollectionBinder
{
    public static bool Handles(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyDictionary<,>));

    public static BindResult Bind(YNode node, Type type, Type owner, string path, BindingContext context)
    {
        var arguments = type.GetGenericArguments();
        return type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? BindList(node, arguments[0], owner, path, context)
            : BindMap(node, arguments[1], owner, path, context);
    }

    private static BindResult BindList(YNode node, Type item, Type owner, string path, BindingContext context)
    {
        if (node is not YSequence sequence)
        {
            context.Error(DiagnosticCodes.WrongType, $"expected a list (- item, or [a, b]), got {node.Describe}", node.Location, path);
            return BindResult.Failed;
        }
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var bound = Element(sequence.Items[i], item, owner, $"{path}[{i}]", context);
            ok &= bound.Ok;
            list.Add(bound.Value);
        }
        return ok ? BindResult.Of(list) : BindResult.Failed;
    }

    private static BindResult BindMap(YNode node, Type value, Type owner, string path, BindingContext context)
    {
        if (node is not YMapping mapping)
        {
            context.Error(DiagnosticCodes.WrongType, $"expected a mapping of name: value, got {node.Describe}", node.Location, path);
            return BindResult.Failed;
        }
        var map = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), value))!;
        var ok = true;
        foreach (var (key, item) in mapping.Entries)
        {
            var bound = Element(item, value, owner, $"{path}.{key.Text}", context);
            ok &= bound.Ok;
            map[key.Text] = bound.Value;
        }
        return ok ? BindResult.Of(map) : BindResult.Failed;
    }

    private static BindResult Element(YNode node, Type type, Type owner, string path, BindingContext context)
    {
        var bound = RecordBinder.Bind(node, type, owner, path, context);
        if (bound.Ok && bound.Value is null)
        {
            context.Error(DiagnosticCodes.WrongType, "an entry here cannot be empty (null); give a value or remove the entry", node.Location, path);
            return BindResult.Failed;
        }
        return bound;
    }
}
