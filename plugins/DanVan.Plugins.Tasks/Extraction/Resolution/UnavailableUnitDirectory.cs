using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>Stands in when the runtime has no host: every lookup fails, so names stay as text and the draft still opens.</summary>
internal sealed class UnavailableUnitDirectory : IUnitDirectory
{
    public Task<ResolveOrgUnitResponse> ResolveAsync(ResolveOrgUnitRequest request, CancellationToken cancellationToken) =>
        throw new RpcException(new Status(StatusCode.Unavailable, "The runtime has no e-office host configured."));
}
