using System.Collections.Concurrent;
using Reconciler.Git.Processes;

namespace Reconciler.Git.Tests;

/// <summary>Records every request and either forwards it to a real runner or answers with a canned result.</summary>
internal sealed class RecordingProcessRunner(IProcessRunner? inner = null, Func<ProcessRequest, ProcessResult>? answer = null) : IProcessRunner
{
    public ConcurrentQueue<ProcessRequest> Requests { get; } = new();

    public IEnumerable<string> AllArgumentsAndEnvironmentValues =>
        Requests.SelectMany(r => r.Arguments.Concat(r.Environment.Values.OfType<string>()));

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return answer is not null
            ? Task.FromResult(answer(request))
            : (inner ?? new ProcessRunner()).RunAsync(request, cancellationToken);
    }
}
