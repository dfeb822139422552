namespace Reconciler.Core.Sources;

/// <summary>
/// Where desired state comes from (a git branch, a plain directory). The engine only asks for the
/// current snapshot; a changed <see cref="SourceSnapshot.Revision"/> means "re-read the manifests".
/// </summary>
public interface IDesiredStateSource
{
    /// <summary>Fetches the latest desired state. Throws <see cref="SourceException"/> with an actionable, secret-free message.</summary>
    Task<SourceSnapshot> FetchAsync(CancellationToken cancellationToken);

    /// <summary>A one-line, credential-free description for logs and status ("git https://host/org/repo branch main path deploy").</summary>
    string Describe();
}
