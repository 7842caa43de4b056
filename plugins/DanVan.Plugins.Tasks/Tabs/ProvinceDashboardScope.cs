using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Rollup;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// What the dashboard may show an officer: the whole province for Sở Nội vụ, the Party's dân vận board
/// and the provincial admin (<see cref="Officer.ReadsProvince"/>); a unit leader their own unit's
/// subtree (the unit the tab was opened for); nobody else anything. Root null means the province.
/// </summary>
internal sealed record ProvinceDashboardScope(bool Allowed, string? RootUnitId)
{
    public const string Refusal = "Trang “Tổng hợp” dành cho Sở Nội vụ, Ban Tuyên giáo và Dân vận và lãnh đạo đơn vị. Tài khoản của đồng chí không có quyền xem số liệu tổng hợp của đơn vị này.";
    public const string OutsideRefusal = "Đơn vị được chọn không thuộc phạm vi đồng chí được xem; đồng chí chỉ xem được số liệu của đơn vị mình và các đơn vị trực thuộc.";

    public static ProvinceDashboardScope For(Officer officer, string tabUnitId)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (officer.ReadsProvince)
        {
            return new ProvinceDashboardScope(true, null);
        }

        return officer.Roles.Any(r => r.Role == Role.UnitLeader && r.UnitId == tabUnitId)
            ? new ProvinceDashboardScope(true, tabUnitId)
            : new ProvinceDashboardScope(false, null);
    }

    /// <summary>Whether a unit the officer picked (a drill-down link, a typed URL) lies inside the scope.</summary>
    public bool Covers(OrgTree tree, string unitId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Allowed && (RootUnitId is null || unitId == RootUnitId || tree.IsWithin(unitId, tree.Effective(RootUnitId)));
    }
}
