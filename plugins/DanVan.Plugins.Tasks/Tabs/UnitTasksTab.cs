using System.Globalization;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Progress;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The unit tab "Việc của đơn vị": the assignments of the screen's unit (the one the token attests),
/// most urgent first, with status, due date, report history and extension requests; POST bao-cao a
/// progress report, POST gia-han a request for more time. Only officers who may read the unit see it
/// (<see cref="Officer.CanRead"/>); only its working officers get the forms and may post them. Every
/// refusal (stale form, bad date, closed assignment …) shows the list again with a Vietnamese message.
/// </summary>
internal static class UnitTasksTab
{
    public const string TabId = "unit-tasks";
    public const string Title = "Việc của đơn vị";
    public const string ReportPath = "bao-cao";
    public const string ExtensionPath = "gia-han";
    public const string NoReadAccess = "Bạn không có quyền xem việc của đơn vị này: chỉ cán bộ của đơn vị, Sở Nội vụ và Ban Tuyên giáo và Dân vận được xem.";
    public const string NoReportAccess = "Bạn chỉ được xem, không được báo cáo thay đơn vị này: chỉ cán bộ, lãnh đạo của đơn vị mới được báo cáo tiến độ.";

    public static async Task HandleAsync(HttpContext http)
    {
        var tab = http.GetTabRequest();
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

        var service = http.RequestServices.GetRequiredService<ProgressService>();
        var status = StatusCodes.Status200OK;
        string? notice = null;
        var isError = false;
        var isPost = HttpMethods.IsPost(http.Request.Method);
        if (isPost && rest is ReportPath or ExtensionPath)
        {
            try
            {
                notice = officer.CanReport(tab.OrgUnitId)
                    ? await PostAsync(http, rest, officer, service).ConfigureAwait(false)
                    : throw new TasksException(TasksError.PermissionDenied, NoReportAccess);
            }
            catch (TasksException ex)
            {
                (status, notice, isError) = (ProgressHtml.StatusCode(ex.Error), ex.Message, true);
            }
        }
        else if (rest.Length > 0 || isPost)
        {
            await Html.WriteMessageAsync(http, "Không có trang này", "Đường dẫn không đúng.", StatusCodes.Status404NotFound, tab.Link()).ConfigureAwait(false);
            return;
        }

        var rows = await service.ListForUnitAsync(officer, tab.OrgUnitId, http.RequestAborted).ConfigureAwait(false);
        var dueSoonDays = http.RequestServices.GetRequiredService<TasksOptions>().DueSoonDays;
        await Html.WriteAsync(http, UnitTasksPage.Render(tab, rows, officer.CanReport(tab.OrgUnitId), dueSoonDays, notice, isError), status).ConfigureAwait(false);
    }

    private static async Task<string> PostAsync(HttpContext http, string path, Officer officer, ProgressService service)
    {
        var form = await FormValues.ReadAsync(http).ConfigureAwait(false);
        var id = FormValues.Id(form);
        if (path == ReportPath)
        {
            var input = new ReportInput(FormValues.Text(form, "noi-dung"), FormValues.Percent(form, "phan-tram"), FormValues.EvidenceLines(FormValues.Text(form, "minh-chung")));
            var report = await service.SubmitReportAsync(officer, id, FormValues.Version(form), input, http.RequestAborted).ConfigureAwait(false);
            return string.Create(CultureInfo.InvariantCulture, $"Đã gửi báo cáo tiến độ {report.Percent}%; báo cáo đang chờ đơn vị giao việc duyệt.");
        }

        var due = FormValues.Date(form, "han-moi", "new_due", "Hạn mới");
        var extension = await service.RequestExtensionAsync(officer, id, due, FormValues.Text(form, "ly-do"), http.RequestAborted).ConfigureAwait(false);
        return $"Đã gửi đề nghị gia hạn đến {ProgressHtml.Day(extension.RequestedDue)}; đề nghị đang chờ đơn vị giao việc xem xét.";
    }
}
