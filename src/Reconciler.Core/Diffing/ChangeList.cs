using System.Globalization;

namespace Reconciler.Core.Diffing;

/// <summary>
/// Collects <see cref="FieldChange"/>s. Every comparer skips a field whose desired value is null: the manifest
/// does not manage it, so whatever the API filled in (defaults, other tools' settings) is never drift.
/// </summary>
internal sealed class ChangeList
{
    private readonly List<FieldChange> _changes = [];

    public IReadOnlyList<FieldChange> Changes => _changes;

    public void Add(FieldChange change) => _changes.Add(change);

    public void Scalar(string path, string? desired, string? observed, ChangeScope scope, bool sensitive = false)
    {
        if (desired is not null && !string.Equals(desired, observed, StringComparison.Ordinal))
        {
            _changes.Add(new FieldChange(path, desired, observed, scope, sensitive));
        }
    }

    public void Scalar(string path, int? desired, int? observed, ChangeScope scope) =>
        Scalar(path, Format(desired), Format(observed), scope);

    public void Scalar(string path, bool? desired, bool? observed, ChangeScope scope) =>
        Scalar(path, Format(desired), Format(observed), scope);

    /// <summary>Durations compare in whole seconds: ECS stores integers, so 30.5s desired is 30s observed.</summary>
    public void Seconds(string path, TimeSpan? desired, TimeSpan? observed, ChangeScope scope) =>
        Scalar(path, FormatSeconds(desired), FormatSeconds(observed), scope);

    /// <summary>An order-significant list (command, entryPoint, args).</summary>
    public void Ordered(string path, IReadOnlyList<string>? desired, IReadOnlyList<string>? observed, ChangeScope scope, bool sensitive = false)
    {
        if (desired is not null && !desired.SequenceEqual(observed ?? [], StringComparer.Ordinal))
        {
            _changes.Add(new FieldChange(path, FormatList(desired), observed is null ? null : FormatList(observed), scope, sensitive));
        }
    }

    /// <summary>A list the API treats as a set (subnets, security groups, requiresCompatibilities).</summary>
    public void Set(string path, IReadOnlyList<string>? desired, IReadOnlyList<string>? observed, ChangeScope scope) =>
        Ordered(path, desired?.Distinct().Order(StringComparer.Ordinal).ToArray(),
            observed?.Distinct().Order(StringComparer.Ordinal).ToArray(), scope);

    /// <summary>
    /// A map compared key by key (<c>path[key]</c>). <paramref name="exact"/>: keys only observed are drift too
    /// (environment, secrets); otherwise only the keys the manifest sets count (tags, labels).
    /// </summary>
    public void Map(string path, IReadOnlyDictionary<string, string>? desired, IReadOnlyDictionary<string, string>? observed,
        ChangeScope scope, bool exact, Func<string, bool>? sensitive = null)
    {
        if (desired is null)
        {
            return;
        }
        observed ??= new Dictionary<string, string>();
        foreach (var (key, value) in desired.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Scalar($"{path}[{key}]", value, observed.GetValueOrDefault(key), scope, sensitive?.Invoke(key) ?? false);
        }
        IEnumerable<string> extra = exact ? observed.Keys.Where(k => !desired.ContainsKey(k)).Order(StringComparer.Ordinal) : [];
        foreach (var key in extra)
        {
            _changes.Add(new FieldChange($"{path}[{key}]", null, observed[key], scope, sensitive?.Invoke(key) ?? false));
        }
    }

    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Format(bool? value) => value is null ? null : value.Value ? "true" : "false";

    public static string? FormatSeconds(TimeSpan? value) =>
        value is null ? null : ((long)value.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    public static string FormatList(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
