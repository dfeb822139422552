using System.Text;

namespace Reconciler.Emulator.Wire;

/// <summary>Opaque nextToken values: base64 of an offset into a sorted result list.</summary>
internal static class PageToken
{
    public static int Offset(string? token, string errorType)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], out var offset) && offset >= 0
                ? offset
                : throw new AwsException(errorType, "Invalid nextToken.");
        }
        catch (FormatException)
        {
            throw new AwsException(errorType, "Invalid nextToken.");
        }
    }

    /// <summary>Takes one page; returns the token for the next page, or null on the last page.</summary>
    public static (List<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, int offset, int size)
    {
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + size < items.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset + size}")) : null;
        return (page, next);
    }
}
