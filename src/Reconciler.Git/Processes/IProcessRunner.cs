namespace Reconciler.Git.Processes;

/// <summary>
/// The one seam over <see cref="System.Diagnostics.Process"/>: run a program to completion, capture its
/// output, bound it with a timeout. Tests substitute it to record arguments and environment.
/// </summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs the process. A timeout is reported as <see cref="ProcessResult.TimedOut"/> (the process tree is
    /// killed); cancellation kills the tree and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken);
}
