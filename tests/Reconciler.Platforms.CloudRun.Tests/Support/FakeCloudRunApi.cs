using Reconciler.Platforms.CloudRun.Wire;
using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Tests.Support;

/// <summary>An in-memory Admin API whose operations finish after a set number of polls; counts the polls.</summary>
internal sealed class FakeCloudRunApi(int pollsUntilDone) : ICloudRunApi
{
    public int OperationPolls { get; private set; }

    public Task<RunOperation> GetOperationAsync(string name, CancellationToken ct)
    {
        OperationPolls++;
        return Task.FromResult(new RunOperation { Name = name, Done = OperationPolls >= pollsUntilDone });
    }

    public Task<RunService> GetServiceAsync(string name, CancellationToken ct) => throw new NotSupportedException();
    public Task<ListServicesResponse> ListServicesAsync(string parent, string? pageToken, int? pageSize, CancellationToken ct) => throw new NotSupportedException();
    public Task<RunOperation> CreateServiceAsync(string parent, string serviceId, RunService service, CancellationToken ct) => throw new NotSupportedException();
    public Task<RunOperation> PatchServiceAsync(RunService service, string? updateMask, CancellationToken ct) => throw new NotSupportedException();
    public Task<ListRevisionsResponse> ListRevisionsAsync(string service, string? pageToken, int? pageSize, CancellationToken ct) => throw new NotSupportedException();
    public Task<RunRevision> GetRevisionAsync(string name, CancellationToken ct) => throw new NotSupportedException();
    public Task<RunOperation> WaitOperationAsync(string name, TimeSpan timeout, CancellationToken ct) => throw new NotSupportedException();
}
