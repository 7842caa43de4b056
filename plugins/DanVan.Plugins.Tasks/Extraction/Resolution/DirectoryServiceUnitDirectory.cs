using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>The unit directory backed by the host's DirectoryService over gRPC.</summary>
internal sealed class DirectoryServiceUnitDirectory(DirectoryService.DirectoryServiceClient client) : IUnitDirectory
{
    public async Task<ResolveOrgUnitResponse> ResolveAsync(ResolveOrgUnitRequest request, CancellationToken cancellationToken) =>
        await client.ResolveOrgUnitAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
}
