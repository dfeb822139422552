namespace Reconciler.Git;

/// <summary>
/// The bare repository a source fetches into. <see cref="PrepareAsync"/> runs before every fetch: it removes the
/// locks a killed git left (<see cref="StaleLocks"/>) and creates or re-points the cache; <see cref="Rebuild"/> throws
/// it away when it keeps failing. Only used under the source's gate.
/// </summary>
internal sealed class BareCache(string directory, string url, GitCli git)
{
    private bool ready;

    public string Directory { get; } = directory;

    public async Task PrepareAsync(CancellationToken ct)
    {
        StaleLocks.Remove(Directory);
        if (ready)
        {
            return;
        }
        System.IO.Directory.CreateDirectory(Directory);
        if (!File.Exists(Path.Combine(Directory, "HEAD")))
        {
            await git.RunAsync("git init of the cache", Directory, ct, "init", "--bare", "--quiet").ConfigureAwait(false);
            await git.RunAsync("git remote add", Directory, ct, "remote", "add", "origin", url).ConfigureAwait(false);
        }
        else
        {
            // The cache may survive a restart with a changed Url; the options are the truth.
            await git.RunAsync("git remote set-url", Directory, ct, "remote", "set-url", "origin", url).ConfigureAwait(false);
        }
        ready = true;
    }

    /// <summary>Deletes the cache; the next <see cref="PrepareAsync"/> starts from an empty one. Best effort, like pruning.</summary>
    public void Rebuild()
    {
        ready = false;
        try
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Tried again after the next run of failures; the fetch error is what gets reported.
        }
    }
}
