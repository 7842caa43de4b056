using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Review;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>The document tab's "Tiến độ" page: GET shows it; POST tien-do/duyet accepts or returns a report, POST tien-do/gia-han decides an extension; refusals show the page again with the message.</summary>
internal static class ProgressActions
{
    public static async Task HandleAsync(HttpContext http, TabRequest tab, DocumentReview review, string path)
    {
        var officer = await DocumentTasksTab.OfficerOrNullAsync(http, tab).ConfigureAwait(false);
        if (officer is null)
        {
            await Html.WriteMessageAsync(http, ProgressPage.Title, DocumentTasksTab.DirectoryDown, StatusCodes.Status503ServiceUnavailable, tab.Link()).ConfigureAwait(false);
            return;
        }

        var service = http.RequestServices.GetRequiredService<ProgressService>();
        var status = StatusCodes.Status200OK;
        string? notice = null;
        var isError = false;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            try
            {
                notice = await DecideAsync(http, path, officer, service).ConfigureAwait(false);
            }
            catch (TasksException ex)
            {
                (status, notice, isError) = (ProgressHtml.StatusCode(ex.Error), ex.Message, true);
            }
        }

        var tasks = await service.ListForDocumentAsync(officer, tab.DocumentId!, http.RequestAborted).ConfigureAwait(false);
        var line = ReviewPage.DocumentLine(review.Document, review.Resolved.Draft);
        await Html.WriteAsync(http, ProgressPage.Render(tab, line, tasks, notice, isError), status).ConfigureAwait(false);
    }

    private static async Task<string> DecideAsync(HttpContext http, string path, Officer officer, ProgressService service)
    {
        var form = await FormValues.ReadAsync(http).ConfigureAwait(false);
        var id = FormValues.Id(form);
        var version = FormValues.Version(form);
        var decision = FormValues.Text(form, "quyet-dinh");
        var reason = FormValues.Text(form, "ly-do");
        if (path == ProgressPage.ReviewPath)
        {
            var accept = decision == "chap-nhan";
            var report = await service.ReviewReportAsync(officer, id, version, accept, reason, http.RequestAborted).ConfigureAwait(false);
            return accept ? (report.Percent == 100 ? "Đã chấp nhận báo cáo; lượt việc được ghi nhận hoàn thành." : "Đã chấp nhận báo cáo tiến độ.") : "Đã trả lại báo cáo cho đơn vị kèm lý do.";
        }

        var approve = decision == "dong-y";
        var extension = await service.DecideExtensionAsync(officer, id, version, approve, reason, http.RequestAborted).ConfigureAwait(false);
        return approve ? $"Đã đồng ý gia hạn đến {ProgressHtml.Day(extension.RequestedDue)}." : "Đã không đồng ý gia hạn; đơn vị sẽ thấy lý do.";
    }
}
