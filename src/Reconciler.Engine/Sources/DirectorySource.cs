using Reconciler.Core.Sources;

namespace Reconciler.Engine.Sources;

/// <summary>
/// Desired state read straight from a folder: local use, or a git-sync sidecar's checkout. The revision is
/// a content hash ("dir:" + 12 hex) so any edit is seen as a change. Files and folders whose name starts
/// with '.' (.git, editor swap files) are ignored. Unlike the git source this snapshot is not immutable:
/// point it at git-sync's symlink, which is resolved on each fetch so one fetch sees one checkout.
/// </summary>
public sealed class DirectorySource(string root, TimeProvider? time = null) : IDesiredStateSource
{
    private readonly string root = Path.GetFullPath(root);
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim gate = new(1, 1);
    private SourceSnapshot? current;

    public string Describe() => $"directory {root}";

    public async Task<SourceSnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var directory = Resolve();
            var revision = await ContentRevision.ComputeAsync(directory, cancellationToken).ConfigureAwait(false);
            if (current is not null && current.Revision == revision && current.Directory == directory)
            {
                return current;
            }
            current = new SourceSnapshot(revision, directory, time.GetUtcNow());
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    private string Resolve()
    {
        var info = new DirectoryInfo(root);
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as DirectoryInfo;
        if (target is null || !target.Exists)
        {
            throw new SourceException($"Manifest directory '{root}' does not exist: create it, mount the volume there, or fix the source path.");
        }
        return target.FullName;
    }
}
