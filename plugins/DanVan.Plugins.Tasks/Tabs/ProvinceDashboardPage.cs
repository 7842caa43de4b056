using System.Globalization;
using System.Text;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Rollup;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The dashboard's HTML: the filter form (GET, the token as a hidden field), the counts by unit (two
/// levels under the root; deeper through the unit's link), by directive and by period, each with the
/// completion rate, and the assignments themselves once the selection is small.
/// </summary>
internal static class ProvinceDashboardPage
{
    public const int DetailRows = 200;
    private const int UnitDepthShown = 2;

    // Wide tables scroll sideways on a phone instead of squeezing the names.
    private const string Style =
        "<style>.bang{overflow-x:auto;margin:.5rem 0}table{border-collapse:collapse;min-width:100%}th,td{border:1px solid #d8dee6;padding:.3rem .5rem;text-align:right;white-space:nowrap}" +
        "th{background:#f0f3f7;font-weight:600;text-align:center;white-space:normal}td.ten{text-align:left;white-space:normal;min-width:14rem}tr.tong td{font-weight:700;background:#f7f9fb}" +
        "td.qua{color:#8a1c14}form.loc{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}form.loc label{display:flex;flex-direction:column;font-size:.9rem}" +
        "select{font:inherit;padding:.3rem;max-width:22rem}</style>";

    /// <summary>Whether to list the assignments: a unit without units below it, or any narrowed selection of at most <see cref="DetailRows"/>.</summary>
    public static bool WantsDetail(RollupFilter filter, RollupResult result)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(result);
        var narrowed = filter.UnitId is not null || filter.DocumentId is not null || filter.Status is not null || filter.PeriodKey is not null;
        return result.Total.Total > 0 && narrowed && (result.Total.Total <= DetailRows || (filter.UnitId is not null && result.Units.Count <= 1));
    }

    public static StringBuilder Render(TabRequest tab, OrgTree tree, RollupFilter filter, RollupFilter asAsked, RollupResult result, ProvinceDashboardScope scope, IReadOnlyList<AssignmentDetail> detail, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(tab);
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var html = Html.Begin("Tổng hợp tình hình thực hiện nhiệm vụ");
        html.Append(Style).Append("<h1>Tổng hợp tình hình thực hiện nhiệm vụ</h1>")
            .Append("<p class=\"meta\" id=\"pham-vi\">").Append(Html.Encode(ProvinceDashboardText.Describe(filter, result, tree, scope.RootUnitId))).Append(".</p>");
        FilterForm(html, tab, asAsked, result);
        html.Append("<p><a id=\"xuat-excel\" href=\"").Append(Html.Encode(tab.Link(ProvinceDashboardTab.ExportPath + "?" + ProvinceDashboardQuery.ToQuery(asAsked))))
            .Append("\">Xuất Excel (báo cáo tổng hợp)</a>");
        if (asAsked.UnitId is not null || asAsked.DocumentId is not null || asAsked.Status is not null || asAsked.PeriodKey is not null)
        {
            html.Append(" · <a href=\"").Append(Html.Encode(tab.Link("?" + ProvinceDashboardQuery.ToQuery(new RollupFilter(asAsked.Year))))).Append("\">Bỏ các bộ lọc khác ngoài năm</a>");
        }

        html.Append("</p>");
        if (result.Total.Total == 0)
        {
            html.Append("<div class=\"hop\" role=\"status\"><p>Không có lượt việc nào khớp với bộ lọc này.</p></div>");
            return html;
        }

        html.Append("<h2>Theo đơn vị</h2><p class=\"meta\">Số liệu của mỗi đơn vị gồm cả các đơn vị trực thuộc; việc của đơn vị đã giải thể được tính cho đơn vị kế thừa.</p>");
        Table(html, "theo-don-vi", "Đơn vị", result.Units.Where(u => u.Depth <= UnitDepthShown).Select(u => (
            Link: tab.Link("?" + ProvinceDashboardQuery.ToQuery(asAsked with { UnitId = u.UnitId })),
            Name: u.Name,
            Indent: u.Depth,
            Counts: u.Counts)), result.Total);
        html.Append("<h2>Theo văn bản</h2>");
        Table(html, "theo-van-ban", "Văn bản", result.Documents.Select(d => (
            Link: tab.Link("?" + ProvinceDashboardQuery.ToQuery(asAsked with { DocumentId = d.DocumentId })),
            Name: d.Title.Length > 0 ? d.Title : d.Code,
            Indent: 0,
            Counts: d.Counts)), result.Total);
        html.Append("<h2>Theo kỳ</h2>");
        Table(html, "theo-ky", "Kỳ", result.Periods.Select(p => (
            Link: tab.Link("?" + ProvinceDashboardQuery.ToQuery(asAsked with { PeriodKey = p.PeriodKey })),
            Name: ProvinceDashboardText.PeriodLabel(p.PeriodKey),
            Indent: 0,
            Counts: p.Counts)), result.Total);
        if (detail.Count > 0)
        {
            Detail(html, detail, truncated, c);
        }

        return html;
    }

    private static void FilterForm(StringBuilder html, TabRequest tab, RollupFilter asked, RollupResult result)
    {
        var c = CultureInfo.InvariantCulture;
        html.Append("<form class=\"loc\" method=\"get\" action=\"").Append(Html.Encode(tab.BasePath)).Append("\">").Append(tab.HiddenTokenInput())
            .Append("<label>Năm<select name=\"").Append(ProvinceDashboardQuery.Year).Append("\">")
            .Append("<option value=\"\"").Append(asked.Year is null ? " selected" : string.Empty).Append(">Tất cả các năm</option>");
        for (var year = result.Today.Year + 1; year >= result.Today.Year - 5; year--)
        {
            html.Append("<option").Append(asked.Year == year ? " selected" : string.Empty).Append('>').Append(year.ToString(c)).Append("</option>");
        }

        html.Append("</select></label><label>Văn bản<select name=\"").Append(ProvinceDashboardQuery.Document).Append("\"><option value=\"\">Tất cả văn bản</option>");
        foreach (var d in result.KnownDocuments)
        {
            html.Append("<option value=\"").Append(Html.Encode(d.DocumentId)).Append('"').Append(asked.DocumentId == d.DocumentId ? " selected" : string.Empty).Append('>')
                .Append(Html.Encode(d.DocumentTitle.Length > 0 ? d.DocumentTitle : d.DocumentCode)).Append("</option>");
        }

        html.Append("</select></label><label>Trạng thái<select name=\"").Append(ProvinceDashboardQuery.Status).Append("\"><option value=\"\">Tất cả trạng thái</option>");
        foreach (var (status, slug) in ProvinceDashboardQuery.StatusSlugs)
        {
            html.Append("<option value=\"").Append(slug).Append('"').Append(asked.Status == status ? " selected" : string.Empty).Append('>')
                .Append(Html.Encode(AssignmentStatuses.Label(status))).Append("</option>");
        }

        html.Append("</select></label>");
        if (asked.PeriodKey is { } period)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(ProvinceDashboardQuery.Period).Append("\" value=\"").Append(Html.Encode(period)).Append("\">");
        }

        if (asked.UnitId is { } unit)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(ProvinceDashboardQuery.Unit).Append("\" value=\"").Append(Html.Encode(unit)).Append("\">");
        }

        html.Append("<button type=\"submit\">Xem</button></form>");
    }

    private static void Table(StringBuilder html, string id, string firstHeader, IEnumerable<(string Link, string Name, int Indent, StatusCounts Counts)> rows, StatusCounts total)
    {
        html.Append("<div class=\"bang\"><table id=\"").Append(id).Append("\"><thead><tr><th scope=\"col\">").Append(firstHeader).Append("</th><th scope=\"col\">Tổng số</th>");
        foreach (var status in StatusCounts.Order)
        {
            html.Append("<th scope=\"col\">").Append(Capitalized(AssignmentStatuses.Label(status))).Append("</th>");
        }

        html.Append("<th scope=\"col\">Tỉ lệ hoàn thành</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><td class=\"ten\"").Append(row.Indent > 0 ? string.Create(CultureInfo.InvariantCulture, $" style=\"padding-left:{0.5 + (row.Indent * 1.25)}rem\"") : string.Empty)
                .Append("><a href=\"").Append(Html.Encode(row.Link)).Append("\">").Append(Html.Encode(row.Name)).Append("</a></td>");
            Counts(html, row.Counts);
            html.Append("</tr>");
        }

        html.Append("<tr class=\"tong\"><td class=\"ten\">Tổng cộng</td>");
        Counts(html, total);
        html.Append("</tr></tbody></table></div>");
    }

    private static void Counts(StringBuilder html, StatusCounts counts)
    {
        var c = CultureInfo.InvariantCulture;
        html.Append("<td>").Append(counts.Total.ToString(c)).Append("</td>");
        foreach (var status in StatusCounts.Order)
        {
            html.Append(status == AssignmentStatus.Overdue && counts[status] > 0 ? "<td class=\"qua\">" : "<td>").Append(counts[status].ToString(c)).Append("</td>");
        }

        html.Append("<td>").Append(Html.Encode(ProvinceDashboardText.Rate(counts.CompletionRate))).Append("</td>");
    }

    private static void Detail(StringBuilder html, IReadOnlyList<AssignmentDetail> detail, bool truncated, CultureInfo c)
    {
        html.Append("<h2>Danh sách lượt việc</h2><div class=\"bang\"><table id=\"chi-tiet\"><thead><tr><th>Đơn vị</th><th>Văn bản</th><th>Mục</th><th>Nội dung</th><th>Kỳ</th><th>Hạn</th><th>Trạng thái</th><th>Ngày hoàn thành</th></tr></thead><tbody>");
        foreach (var a in detail)
        {
            html.Append("<tr><td class=\"ten\">").Append(Html.Encode(a.UnitName)).Append("</td><td class=\"ten\">").Append(Html.Encode(a.DocumentTitle.Length > 0 ? a.DocumentTitle : a.DocumentCode))
                .Append("</td><td>").Append(Html.Encode(a.ItemPath)).Append("</td><td class=\"ten\">").Append(Html.Encode(ReviewPage.Short(a.Content)))
                .Append("</td><td>").Append(Html.Encode(ProvinceDashboardText.PeriodLabel(a.PeriodKey)))
                .Append("</td><td>").Append(a.DueDate is { } due ? due.ToString("dd/MM/yyyy", c) : "chưa có hạn")
                .Append("</td><td>").Append(Html.Encode(AssignmentStatuses.Label((AssignmentStatus)a.Status)))
                .Append("</td><td>").Append(a.State == 1 && a.CompletedAt is { } done ? AssignmentStatuses.DayOf(done).ToString("dd/MM/yyyy", c) : string.Empty)
                .Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
        if (truncated)
        {
            html.Append("<p class=\"meta\">Chỉ hiện ").Append(detail.Count.ToString(c)).Append(" lượt việc đầu tiên; hãy lọc hẹp hơn hoặc xuất Excel để xem đủ.</p>");
        }
    }

    private static string Capitalized(string label) => string.Concat(char.ToUpperInvariant(label[0]).ToString(), label.AsSpan(1));
}
