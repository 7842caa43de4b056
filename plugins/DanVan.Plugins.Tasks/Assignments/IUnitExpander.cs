using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction.Resolution;

namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>The units valid today that a resolved mention stands for: the unit, a dissolved unit's successors, or a group's members in the province.</summary>
internal interface IUnitExpander
{
    Task<IReadOnlyList<OrgUnit>> ExpandAsync(UnitResolution resolution, string? provinceRootId, CancellationToken cancellationToken);

    /// <summary>The top of the unit's tree (its province's People's Committee), or null when the directory does not know it.</summary>
    Task<string?> ProvinceRootAsync(string? orgUnitId, CancellationToken cancellationToken);
}
