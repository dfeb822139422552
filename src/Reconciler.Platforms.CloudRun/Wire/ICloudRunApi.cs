using Reconciler.Platforms.CloudRun.Wire.Model;

namespace Reconciler.Platforms.CloudRun.Wire;

/// <summary>
/// The Cloud Run Admin API v2 calls Reconciler makes. Names are full resource names
/// (<c>projects/P/locations/L/services/S</c>); a failure is a <see cref="Errors.RunApiException"/>. No retries here.
/// </summary>
internal interface ICloudRunApi
{
    Task<RunService> GetServiceAsync(string name, CancellationToken ct);

    Task<ListServicesResponse> ListServicesAsync(string parent, string? pageToken, int? pageSize, CancellationToken ct);

    Task<RunOperation> CreateServiceAsync(string parent, string serviceId, RunService service, CancellationToken ct);

    /// <summary>PATCH v2/{service.name}; <paramref name="updateMask"/> null = the whole service. allowMissing stays false.</summary>
    Task<RunOperation> PatchServiceAsync(RunService service, string? updateMask, CancellationToken ct);

    Task<ListRevisionsResponse> ListRevisionsAsync(string service, string? pageToken, int? pageSize, CancellationToken ct);

    Task<RunRevision> GetRevisionAsync(string name, CancellationToken ct);

    Task<RunOperation> GetOperationAsync(string name, CancellationToken ct);

    /// <summary>POST v2/{name}:wait — best effort: may return before the operation is done.</summary>
    Task<RunOperation> WaitOperationAsync(string name, TimeSpan timeout, CancellationToken ct);
}
