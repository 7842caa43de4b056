using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>
/// The host's org-unit directory as the unit resolver needs it: danvan.host.v1
/// DirectoryService.ResolveOrgUnit, request and answer as the contract defines them (as-of date,
/// context unit, candidates with confidence and today's successors of dissolved units).
/// </summary>
internal interface IUnitDirectory
{
    Task<ResolveOrgUnitResponse> ResolveAsync(ResolveOrgUnitRequest request, CancellationToken cancellationToken);
}
