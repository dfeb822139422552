namespace Reconciler.Manifests.Binding;

/// <summary>Finds the known field name nearest to a misspelt one ("startperiod" → "startPeriod").</summary>
internal static class NameSuggester
{
    public static string? Nearest(string unknown, IEnumerable<string> known)
    {
        var best = known
            .Select(name => (name, distance: Distance(unknown.ToLowerInvariant(), name.ToLowerInvariant())))
            .OrderBy(c => c.distance)
            .FirstOrDefault();
        return best.name is not null && best.distance <= Math.Max(2, unknown.Length / 3) ? best.name : null;
    }

    public static string Hint(string unknown, IReadOnlyCollection<string> known)
    {
        var nearest = Nearest(unknown, known);
        return nearest is not null
            ? $"did you mean '{nearest}'?"
            : $"known fields here: {string.Join(", ", known)}";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
