namespace Reconciler.Core.Diffing;

/// <summary>
/// Compares two lists of records matched by a key (containers by name, port mappings by port, load balancers by
/// container:port). Matched pairs go to <paramref name="compare"/>; unmatched ones are whole-item changes.
/// Matching by key instead of by position makes the comparison order-insensitive, as the API is.
/// </summary>
internal static class Keyed
{
    public static void Compare<T>(ChangeList changes, string path, IReadOnlyList<T>? desired, IReadOnlyList<T>? observed,
        Func<T, string> key, Func<T, string> describe, ChangeScope scope, Action<string, T, T> compare)
    {
        if (desired is null)
        {
            return;
        }
        var observedByKey = (observed ?? []).GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in desired)
        {
            var itemPath = $"{path}[{key(item)}]";
            if (observedByKey.TryGetValue(key(item), out var match))
            {
                compare(itemPath, item, match);
            }
            else
            {
                changes.Add(new FieldChange(itemPath, describe(item), null, scope));
            }
        }
        var desiredKeys = desired.Select(key).ToHashSet();
        foreach (var extra in (observed ?? []).Where(o => !desiredKeys.Contains(key(o))))
        {
            changes.Add(new FieldChange($"{path}[{key(extra)}]", null, describe(extra), scope));
        }
    }
}
