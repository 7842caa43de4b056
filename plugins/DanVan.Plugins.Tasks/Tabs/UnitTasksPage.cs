using System.Globalization;
using System.Text;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>The unit tab's page: each assignment with its status, due date, basis, percent, report history, extension requests and (for the unit's officers) the two forms.</summary>
internal static class UnitTasksPage
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static StringBuilder Render(TabRequest tab, IReadOnlyList<AssignmentProgress> rows, bool canReport, int dueSoonDays, string? notice, bool isError)
    {
        var html = Html.Begin(UnitTasksTab.Title);
        html.Append("<h1>").Append(UnitTasksTab.Title).Append("</h1>");
        ProgressHtml.Notice(html, notice, isError);
        if (rows.Count == 0)
        {
            html.Append("<p>Đơn vị chưa được giao nhiệm vụ nào.</p>");
            return html;
        }

        var overdue = rows.Count(r => r.Status == AssignmentStatus.Overdue);
        var soon = rows.Count(r => r.Status == AssignmentStatus.DueSoon);
        html.Append("<p class=\"meta\" id=\"tong\">").Append(string.Create(C, $"{rows.Count} lượt việc; {overdue} quá hạn; {soon} sắp đến hạn (trong {dueSoonDays} ngày).")).Append("</p>");
        if (!canReport)
        {
            html.Append("<p class=\"hop\" id=\"chi-doc\" role=\"note\">").Append(Html.Encode(UnitTasksTab.NoReportAccess)).Append("</p>");
        }

        html.Append("<ol class=\"muc\">");
        foreach (var row in rows)
        {
            Append(html, tab, row, canReport);
        }

        html.Append("</ol>");
        return html;
    }

    private static void Append(StringBuilder html, TabRequest tab, AssignmentProgress row, bool canReport)
    {
        var a = row.Assignment;
        html.Append("<li class=\"muc\" id=\"lv-").Append(a.Id.ToString()).Append("\" data-status=\"").Append(row.Status).Append("\"><h2 class=\"tt\"><span class=\"").Append(ProgressHtml.StatusClass(row.Status)).Append("\">")
            .Append(Html.Encode(AssignmentStatuses.Label(row.Status))).Append("</span> ")
            .Append(Html.Encode(ReviewPage.Short(row.Task.Content))).Append("</h2><dl>");
        ProgressHtml.Due(html, a);
        html.Append("<dt>Kỳ</dt><dd>").Append(Html.Encode(a.PeriodKey)).Append("</dd>")
            .Append("<dt>Căn cứ</dt><dd>").Append(Html.Encode(Basis(row.Task))).Append("</dd>")
            .Append("<dt>Thời hạn</dt><dd>").Append(Html.Encode(row.Task.DueRuleText)).Append("</dd>")
            .Append("<dt>Tiến độ</dt><dd>").Append(a.ProgressPercent.ToString(C)).Append("% (theo báo cáo đã được chấp nhận)</dd>");
        if (a.CompletedAt is { } done)
        {
            html.Append("<dt>Hoàn thành</dt><dd>").Append(ProgressHtml.Day(done)).Append("</dd>");
        }

        html.Append("</dl>");
        if (row.Reports.Count > 0)
        {
            html.Append("<h3>Báo cáo đã gửi</h3><ul class=\"lich-su\">");
            foreach (var report in row.Reports)
            {
                ProgressHtml.Report(html, report);
            }

            html.Append("</ul>");
        }

        foreach (var extension in row.Extensions)
        {
            ProgressHtml.Extension(html, extension);
        }

        if (a.State == AssignmentState.Open && canReport)
        {
            AppendForms(html, tab, a, row.PendingExtension is null);
        }

        html.Append("</li>");
    }

    private static void AppendForms(StringBuilder html, TabRequest tab, AssignmentRecord a, bool canAskExtension)
    {
        var id = a.Id.ToString();
        html.Append("<details><summary>Báo cáo tiến độ</summary><form method=\"post\" action=\"").Append(Html.Encode(tab.Link(UnitTasksTab.ReportPath))).Append("\">")
            .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(id).Append("\"><input type=\"hidden\" name=\"version\" value=\"").Append(a.Version.ToString(C)).Append("\">")
            .Append("<label>Nội dung đã thực hiện<textarea name=\"noi-dung\" rows=\"3\" required maxlength=\"").Append(ProgressService.MaxText.ToString(C)).Append("\"></textarea></label>")
            .Append("<label>Tỷ lệ hoàn thành (%)<input type=\"number\" name=\"phan-tram\" min=\"0\" max=\"100\" required value=\"").Append(a.ProgressPercent.ToString(C)).Append("\"></label>")
            .Append("<label>Minh chứng (mỗi dòng một mục: mã văn bản trên hệ thống, “mã văn bản/mã tệp” cho tệp đính kèm, hoặc đường dẫn https://…)<textarea name=\"minh-chung\" rows=\"2\"></textarea></label>")
            .Append("<p><button type=\"submit\">Gửi báo cáo tiến độ</button></p></form></details>");
        if (canAskExtension)
        {
            html.Append("<details><summary>Xin gia hạn</summary><form method=\"post\" action=\"").Append(Html.Encode(tab.Link(UnitTasksTab.ExtensionPath))).Append("\">")
                .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(id).Append("\">")
                .Append("<label>Hạn mới (ngày/tháng/năm)<input type=\"text\" name=\"han-moi\" inputmode=\"numeric\" placeholder=\"30/11/2026\" required></label>")
                .Append("<label>Lý do<textarea name=\"ly-do\" rows=\"2\" required></textarea></label>")
                .Append("<p><button type=\"submit\">Gửi đề nghị gia hạn</button></p></form></details>");
        }
    }

    private static string Basis(TaskRecord task) =>
        (task.DocumentTitle.Length > 0 ? task.DocumentTitle : "Văn bản " + task.DocumentId) + ", mục " + task.ItemPath;
}
