using System.Globalization;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Export;
using DanVan.Plugins.Tasks.Rollup;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>The words the page and the exported report use for a filter, a rate, the heading block.</summary>
internal static class ProvinceDashboardText
{
    /// <summary>E.g. "Năm 2026; văn bản: Chỉ thị số 05/CT-UBND …; trạng thái: quá hạn; đơn vị: UBND xã Tân Hưng và các đơn vị trực thuộc; số liệu tính đến ngày 21/11/2026".</summary>
    public static string Describe(RollupFilter filter, RollupResult result, OrgTree tree, string? scopeRoot)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tree);
        var parts = new List<string> { filter.Year is { } y ? "Năm " + y.ToString(CultureInfo.InvariantCulture) : "Tất cả các năm" };
        if (filter.PeriodKey is { } period)
        {
            parts.Add("kỳ " + PeriodLabel(period));
        }

        if (filter.DocumentId is { } document)
        {
            var info = result.KnownDocuments.FirstOrDefault(d => d.DocumentId == document);
            parts.Add("văn bản: " + (info is null ? document : info.DocumentTitle.Length > 0 ? info.DocumentTitle : info.DocumentCode));
        }

        if (filter.Status is { } status)
        {
            parts.Add("trạng thái: " + AssignmentStatuses.Label(status));
        }

        var unit = filter.UnitId ?? scopeRoot;
        parts.Add(unit is null ? "toàn tỉnh" : "đơn vị: " + tree.NameOf(tree.Effective(unit)) + " và các đơn vị trực thuộc");
        parts.Add("số liệu tính đến ngày " + result.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        return string.Join("; ", parts);
    }

    public static string PeriodLabel(string key) => key == DuePeriods.OnceKey ? "một lần" : key;

    /// <summary>"42,9 %" (Vietnamese decimal comma), or "–" when there is nothing to count.</summary>
    public static string Rate(double? rate) =>
        rate is { } r ? (Math.Round(r * 100, 1)).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " %" : "–";

    /// <summary>The report's heading from the unit the officer works in: its parent above it, and the province's name as the place.</summary>
    public static ReportHeading Heading(OrgTree tree, string unitId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var unit = tree.Find(unitId);
        var body = unit is null ? string.Empty : !string.IsNullOrEmpty(unit.ShortName) ? unit.ShortName : unit.FullName;
        var parentId = tree.ParentOf(unitId);
        var parent = parentId is null ? null : tree.Find(parentId);
        var root = unitId;
        for (var depth = 0; depth < 16 && tree.ParentOf(root) is { } up; depth++)
        {
            root = up;
        }

        return new ReportHeading(parent?.FullName ?? string.Empty, body, Place(tree.Find(root)?.FullName ?? string.Empty), today);
    }

    // "Ủy ban nhân dân tỉnh Hưng Yên" → "Hưng Yên"; "… thành phố Hà Nội" → "Hà Nội".
    private static string Place(string rootName)
    {
        foreach (var marker in new[] { "thành phố ", "tỉnh " })
        {
            var at = rootName.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return rootName[(at + marker.Length)..].Trim();
            }
        }

        return string.Empty;
    }
}
