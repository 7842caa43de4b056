using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Extraction.Resolution;

namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>
/// Expands mentions over the host's DirectoryService. A group lists the units of its types valid today
/// under the province; a district-level group that has no unit left (districts were abolished on
/// 01/7/2025 and communes took over their duties) falls back to the province's communes. Without a
/// host (no client) groups expand to nothing and the page asks the officer to choose.
/// </summary>
internal sealed class DirectoryUnitExpander(DirectoryService.DirectoryServiceClient? directory, TimeProvider time) : IUnitExpander
{
    private const int MaxDepth = 8;

    public async Task<IReadOnlyList<OrgUnit>> ExpandAsync(UnitResolution resolution, string? provinceRootId, CancellationToken cancellationToken)
    {
        switch (resolution.Status)
        {
            case UnitResolutionStatus.Resolved when resolution.Unit is { } unit:
                return [unit];
            case UnitResolutionStatus.Dissolved:
                return resolution.Successors;
            case UnitResolutionStatus.Group when resolution.GroupTypes.Count > 0:
                var units = await ListAsync(resolution.GroupTypes, provinceRootId, cancellationToken).ConfigureAwait(false);
                return units.Count == 0 && resolution.GroupTypes.Contains(OrgUnitType.DistrictPeoplesCommittee)
                    ? await ListAsync([OrgUnitType.CommunePeoplesCommittee], provinceRootId, cancellationToken).ConfigureAwait(false)
                    : units;
            default:
                return [];
        }
    }

    public async Task<string?> ProvinceRootAsync(string? orgUnitId, CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            return null;
        }

        var id = orgUnitId;
        for (var depth = 0; !string.IsNullOrEmpty(id) && depth < MaxDepth; depth++)
        {
            OrgUnit unit;
            try
            {
                unit = (await directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = id }, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false)).OrgUnit;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return null;
            }

            if (string.IsNullOrEmpty(unit.ParentId))
            {
                return unit.Id;
            }

            id = unit.ParentId;
        }

        return null;
    }

    private async Task<IReadOnlyList<OrgUnit>> ListAsync(IReadOnlyList<OrgUnitType> types, string? root, CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            return [];
        }

        var today = AssignmentStatuses.Today(time);
        var request = new ListOrgUnitsRequest { PageSize = 500, IncludeDescendants = true, ParentId = root ?? string.Empty, AsOf = new Date { Year = today.Year, Month = today.Month, Day = today.Day } };
        request.Types_.AddRange(types);
        var units = new List<OrgUnit>();
        do
        {
            var page = await directory.ListOrgUnitsAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
            units.AddRange(page.OrgUnits);
            request.PageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(request.PageToken));
        return units;
    }
}
