using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Reconciler.Core.Wire;

/// <summary>
/// A cloud answer's JSON body read from the connection as it arrives (pooled buffers, never one array of the whole
/// body), through a source-generated contract; an empty body is <c>new T()</c>. Both platforms' clients use it and
/// keep their own error wrapping: a <see cref="JsonException"/> escapes for them to turn into a payload-free error.
/// </summary>
public static class JsonAnswer
{
    public static async Task<T> ReadAsync<T>(HttpContent content, JsonTypeInfo<T> contract, CancellationToken ct) where T : new()
    {
        var reader = PipeReader.Create(await content.ReadAsStreamAsync(ct).ConfigureAwait(false));
        try
        {
            var start = await reader.ReadAsync(ct).ConfigureAwait(false);
            if (start.Buffer.IsEmpty && start.IsCompleted)
            {
                return new T();
            }
            reader.AdvanceTo(start.Buffer.Start);
            return await JsonSerializer.DeserializeAsync(reader, contract, ct).ConfigureAwait(false) ?? new T();
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
