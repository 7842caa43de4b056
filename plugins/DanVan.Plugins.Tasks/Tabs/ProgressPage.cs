using System.Globalization;
using System.Text;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The document's "Tiến độ" page: its tasks in item order, each unit's status and percent; for the
/// officers who manage a task, the reports waiting for review ("Chấp nhận" / "Trả lại" with a reason)
/// and the pending extension requests ("Đồng ý" / "Không đồng ý").
/// </summary>
internal static class ProgressPage
{
    public const string Title = "Tiến độ thực hiện";
    public const string Path = "tien-do";
    public const string ReviewPath = "tien-do/duyet";
    public const string ExtensionPath = "tien-do/gia-han";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static StringBuilder Render(TabRequest tab, string documentLine, IReadOnlyList<TaskProgress> tasks, string? notice, bool isError)
    {
        var html = Html.Begin(Title);
        html.Append("<p><a href=\"").Append(Html.Encode(tab.Link())).Append("\">← Nhiệm vụ trong văn bản</a></p>");
        html.Append("<h1>").Append(Title).Append("</h1><p class=\"meta\">").Append(Html.Encode(documentLine)).Append("</p>");
        ProgressHtml.Notice(html, notice, isError);
        if (tasks.Count == 0)
        {
            html.Append("<p>Văn bản chưa có nhiệm vụ nào mà bạn được xem. Nhiệm vụ được tạo khi đơn vị giao việc xác nhận bản rà soát.</p>");
            return html;
        }

        var pending = tasks.Where(t => t.CanManage).Sum(t => t.Assignments.Sum(a => a.Reports.Count(r => r.State == ReportState.Submitted) + (a.PendingExtension is null ? 0 : 1)));
        if (tasks.Any(t => t.CanManage))
        {
            html.Append("<p class=\"hop\" id=\"cho-xu-ly\">").Append(pending == 0 ? "Không có báo cáo hay đề nghị gia hạn nào chờ xử lý." : string.Create(C, $"{pending} báo cáo, đề nghị gia hạn đang chờ xử lý.")).Append("</p>");
        }

        html.Append("<ol class=\"muc\">");
        foreach (var task in tasks)
        {
            html.Append("<li class=\"muc\" data-path=\"").Append(Html.Encode(task.Task.ItemPath)).Append("\"><h2 class=\"tt\">Mục ").Append(Html.Encode(task.Task.ItemPath)).Append(": ")
                .Append(Html.Encode(ReviewPage.Short(task.Task.Content))).Append("</h2>");
            var done = task.Assignments.Count(a => a.Assignment.State == AssignmentState.Completed);
            html.Append("<p class=\"meta\">").Append(string.Create(C, $"{task.Assignments.Count} lượt việc; {done} hoàn thành; {task.Assignments.Count(a => a.Status == AssignmentStatus.Overdue)} quá hạn. Thời hạn: "))
                .Append(Html.Encode(task.Task.DueRuleText)).Append("</p><ul class=\"don-vi\">");
            foreach (var row in task.Assignments)
            {
                AppendUnit(html, tab, row, task.CanManage);
            }

            html.Append("</ul></li>");
        }

        html.Append("</ol>");
        return html;
    }

    private static void AppendUnit(StringBuilder html, TabRequest tab, AssignmentProgress row, bool canManage)
    {
        var a = row.Assignment;
        html.Append("<li data-unit=\"").Append(Html.Encode(a.UnitId)).Append("\" data-period=\"").Append(Html.Encode(a.PeriodKey)).Append("\"><p><strong>").Append(Html.Encode(a.UnitName)).Append("</strong> — kỳ ")
            .Append(Html.Encode(a.PeriodKey)).Append(" — hạn ").Append(a.DueDate is { } due ? ProgressHtml.Day(due) : "chưa có").Append(" — <span class=\"").Append(ProgressHtml.StatusClass(row.Status)).Append("\">")
            .Append(Html.Encode(AssignmentStatuses.Label(row.Status))).Append("</span> — ").Append(a.ProgressPercent.ToString(C)).Append("%</p>");
        if (!canManage)
        {
            html.Append("</li>");
            return;
        }

        foreach (var report in row.Reports.Where(r => r.State == ReportState.Submitted))
        {
            html.Append("<div class=\"hop cho-duyet\"><ul class=\"lich-su\">");
            ProgressHtml.Report(html, report);
            html.Append("</ul><form method=\"post\" action=\"").Append(Html.Encode(tab.Link(ReviewPath))).Append("\">")
                .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(report.Id.ToString()).Append("\"><input type=\"hidden\" name=\"version\" value=\"").Append(report.Version.ToString(C)).Append("\">")
                .Append("<label>Lý do (bắt buộc khi trả lại)<input type=\"text\" name=\"ly-do\" maxlength=\"").Append(ProgressService.MaxReason.ToString(C)).Append("\"></label>")
                .Append("<p><button type=\"submit\" name=\"quyet-dinh\" value=\"chap-nhan\">Chấp nhận</button> <button type=\"submit\" name=\"quyet-dinh\" value=\"tra-lai\">Trả lại</button></p></form></div>");
        }

        if (row.PendingExtension is { } extension)
        {
            html.Append("<div class=\"hop cho-duyet\">");
            ProgressHtml.Extension(html, extension);
            html.Append("<form method=\"post\" action=\"").Append(Html.Encode(tab.Link(ExtensionPath))).Append("\">")
                .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(extension.Id.ToString()).Append("\"><input type=\"hidden\" name=\"version\" value=\"").Append(extension.Version.ToString(C)).Append("\">")
                .Append("<label>Lý do (bắt buộc khi không đồng ý)<input type=\"text\" name=\"ly-do\" maxlength=\"").Append(ProgressService.MaxReason.ToString(C)).Append("\"></label>")
                .Append("<p><button type=\"submit\" name=\"quyet-dinh\" value=\"dong-y\">Đồng ý gia hạn</button> <button type=\"submit\" name=\"quyet-dinh\" value=\"tu-choi\">Không đồng ý</button></p></form></div>");
        }

        html.Append("</li>");
    }
}
