using System.Globalization;
using DanVan.Plugins.Data;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The unit tab "Việc của đơn vị": the assignments of the screen's unit (the one the token attests,
/// so a unit sees only its own), most urgent first, with status and due date; POST hoan-thanh marks
/// one completed (refused clearly when someone changed it meanwhile). Only officers who may read the
/// unit see it (<see cref="Access.Officer.CanRead"/>); only its working officers report.
/// </summary>
internal static class UnitTasksTab
{
    public const string TabId = "unit-tasks";
    public const string Title = "Việc của đơn vị";
    private const string CompletePath = "hoan-thanh";
    public const string NoReadAccess = "Bạn không có quyền xem việc của đơn vị này: chỉ cán bộ của đơn vị, Sở Nội vụ và Ban Tuyên giáo và Dân vận được xem.";
    public const string NoReportAccess = "Bạn chỉ được xem, không được báo cáo thay đơn vị này: chỉ cán bộ, lãnh đạo của đơn vị mới được báo cáo tiến độ.";

    public static async Task HandleAsync(HttpContext http)
    {
        var tab = http.GetTabRequest();
        var store = http.RequestServices.GetRequiredService<TaskStore>();
        var rest = (http.Request.RouteValues["rest"] as string ?? string.Empty).Trim('/');
        var officer = await DocumentTasksTab.OfficerOrNullAsync(http, tab).ConfigureAwait(false);
        if (officer is null)
        {
            await Html.WriteMessageAsync(http, Title, DocumentTasksTab.DirectoryDown, StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
            return;
        }

        if (!officer.CanRead(tab.OrgUnitId))
        {
            await Html.WriteMessageAsync(http, Title, NoReadAccess, StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }

        var canReport = officer.CanReport(tab.OrgUnitId);
        string? notice = null;
        if (rest == CompletePath && HttpMethods.IsPost(http.Request.Method))
        {
            if (!canReport)
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                notice = NoReportAccess;
            }
            else
            {
                notice = await CompleteAsync(http, tab, store).ConfigureAwait(false);
            }
        }
        else if (rest.Length > 0)
        {
            await Html.WriteMessageAsync(http, "Không có trang này", "Đường dẫn không đúng.", StatusCodes.Status404NotFound, tab.Link()).ConfigureAwait(false);
            return;
        }

        var dueSoonDays = http.RequestServices.GetRequiredService<TasksOptions>().DueSoonDays;
        var rows = await store.ForUnitAsync(tab.OrgUnitId, dueSoonDays, http.RequestAborted).ConfigureAwait(false);
        var c = CultureInfo.InvariantCulture;
        var html = Html.Begin(Title);
        html.Append("<h1>").Append(Title).Append("</h1>");
        if (notice is not null)
        {
            html.Append("<div class=\"hop\" role=\"status\"><p>").Append(Html.Encode(notice)).Append("</p></div>");
        }

        if (rows.Count == 0)
        {
            html.Append("<p>Đơn vị chưa được giao nhiệm vụ nào.</p>");
            await Html.WriteAsync(http, html, http.Response.StatusCode).ConfigureAwait(false);
            return;
        }

        var overdue = rows.Count(r => r.Status == AssignmentStatus.Overdue);
        var soon = rows.Count(r => r.Status == AssignmentStatus.DueSoon);
        html.Append("<p class=\"meta\" id=\"tong\">").Append(string.Create(c, $"{rows.Count} lượt việc; {overdue} quá hạn; {soon} sắp đến hạn (trong {dueSoonDays} ngày).")).Append("</p><ol class=\"muc\">");
        foreach (var row in rows)
        {
            var a = row.Assignment;
            html.Append("<li class=\"muc\" data-status=\"").Append(row.Status).Append("\"><h2 class=\"tt\"><span class=\"").Append(StatusClass(row.Status)).Append("\">")
                .Append(Html.Encode(AssignmentStatuses.Label(row.Status))).Append("</span> ")
                .Append(Html.Encode(ReviewPage.Short(row.Task.Content))).Append("</h2><dl>")
                .Append("<dt>Hạn</dt><dd>").Append(a.DueDate is { } due ? due.ToString("dd/MM/yyyy", c) : "chưa có hạn").Append("</dd>")
                .Append("<dt>Kỳ</dt><dd>").Append(Html.Encode(a.PeriodKey)).Append("</dd>")
                .Append("<dt>Căn cứ</dt><dd>").Append(Html.Encode(Basis(row.Task))).Append("</dd>")
                .Append("<dt>Thời hạn</dt><dd>").Append(Html.Encode(row.Task.DueRuleText)).Append("</dd>");
            if (a.CompletedAt is { } done)
            {
                html.Append("<dt>Hoàn thành</dt><dd>").Append(AssignmentStatuses.DayOf(done).ToString("dd/MM/yyyy", c)).Append("</dd>");
            }

            html.Append("</dl>");
            if (a.State == AssignmentState.Open && canReport)
            {
                html.Append("<form method=\"post\" action=\"").Append(Html.Encode(tab.Link(CompletePath))).Append("\">")
                    .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(a.Id.ToString()).Append("\">")
                    .Append("<input type=\"hidden\" name=\"version\" value=\"").Append(a.Version.ToString(c)).Append("\">")
                    .Append("<button type=\"submit\">Báo cáo hoàn thành</button></form>");
            }

            html.Append("</li>");
        }

        html.Append("</ol>");
        await Html.WriteAsync(http, html, http.Response.StatusCode).ConfigureAwait(false);
    }

    private static async Task<string> CompleteAsync(HttpContext http, TabRequest tab, TaskStore store)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : null;
        if (form is null || !Guid.TryParse(form["id"], out var id) || !long.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return "Yêu cầu không hợp lệ: thiếu mã lượt việc hoặc phiên bản.";
        }

        try
        {
            var done = await store.CompleteAsync(id, version, tab.OrgUnitId, new ChangeContext(tab.UserId, tab.OrgUnitId, "Báo cáo hoàn thành"), http.RequestAborted).ConfigureAwait(false);
            return done ? "Đã ghi nhận hoàn thành." : "Lượt việc này không thuộc đơn vị hoặc đã hoàn thành trước đó.";
        }
        catch (ConcurrencyConflictException)
        {
            http.Response.StatusCode = StatusCodes.Status409Conflict;
            return "Lượt việc đã được người khác cập nhật; danh sách dưới đây là bản mới nhất, vui lòng kiểm tra lại.";
        }
    }

    private static string Basis(TaskRecord task) =>
        (task.DocumentTitle.Length > 0 ? task.DocumentTitle : "Văn bản " + task.DocumentId) + ", mục " + task.ItemPath;

    private static string StatusClass(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Overdue or AssignmentStatus.CompletedLate => "tt-qua",
        AssignmentStatus.DueSoon => "tt-sap",
        _ => "tt-thuong",
    };
}
