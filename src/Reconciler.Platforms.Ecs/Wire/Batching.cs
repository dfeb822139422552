namespace Reconciler.Platforms.Ecs.Wire;

/// <summary>
/// Runs a Describe-style call over any number of names in API-sized batches, one after another (not in
/// parallel: the batches share the account's rate limit), and merges the pages in order.
/// </summary>
internal static class Batching
{
    public static async Task<TResponse> RunAsync<TResponse>(
        IReadOnlyList<string> names,
        int batchSize,
        Func<IReadOnlyList<string>, Task<TResponse>> call,
        Func<TResponse, TResponse, TResponse> merge)
    {
        if (names.Count <= batchSize)
        {
            return await call(names).ConfigureAwait(false);
        }
        TResponse? merged = default;
        foreach (var batch in names.Chunk(batchSize))
        {
            var page = await call(batch).ConfigureAwait(false);
            merged = merged is null ? page : merge(merged, page);
        }
        return merged!;
    }
}
