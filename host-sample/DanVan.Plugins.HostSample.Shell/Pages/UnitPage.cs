using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Shell.Formatting;
using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Shell.Pages;

/// <summary>A unit's page: where it sits in the tree, what it became if dissolved, its sub-units.</summary>
internal static class UnitPage
{
    public static string Header(OrgUnit unit)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"muted\">").Append(E(string.Join(" › ", unit.Ancestors.Select(a => a.Name)))).Append("</p>")
            .Append("<h1>").Append(E(unit.FullName)).Append("</h1><div class=\"card\"><dl class=\"fields\">")
            .Append("<dt>Loại đơn vị</dt><dd>").Append(E(VietnameseFormat.UnitType(unit))).Append("</dd>")
            .Append("<dt>Mã định danh</dt><dd>").Append(E(string.IsNullOrEmpty(unit.IdentifierCode) ? "—" : unit.IdentifierCode)).Append("</dd>")
            .Append("<dt>Hiệu lực</dt><dd>").Append(VietnameseFormat.Date(unit.ValidFrom)).Append(" – ")
            .Append(unit.ValidTo is null || unit.ValidTo.Year == 0 ? "nay" : VietnameseFormat.Date(unit.ValidTo)).Append("</dd>");
        if (unit.Successors.Count > 0)
        {
            html.Append("<dt>Đơn vị kế thừa</dt><dd>")
                .Append(string.Join(", ", unit.Successors.Select(s => "<a href=\"/don-vi/" + Url(s.OrgUnitId) + "\">" + E(s.OrgUnitId) + "</a>")))
                .Append("</dd>");
        }

        return html.Append("</dl></div>").ToString();
    }

    public static string Content(IReadOnlyList<OrgUnit> children)
    {
        if (children.Count == 0)
        {
            return "<p class=\"muted\">Đơn vị không có đơn vị trực thuộc.</p>";
        }

        var html = new StringBuilder("<h2>Đơn vị trực thuộc</h2><ul>");
        foreach (var child in children)
        {
            html.Append("<li><a href=\"/don-vi/").Append(Url(child.Id)).Append("\">").Append(E(child.FullName)).Append("</a></li>");
        }

        return html.Append("</ul>").ToString();
    }
}
