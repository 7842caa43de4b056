using DanVan.Plugins.Data;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Review;
using DanVan.Plugins.Tasks.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The document tab "Nhiệm vụ": GET / the review of the draft, GET tien-do the tasks' progress per
/// unit (with the managers' review forms, <see cref="ProgressActions"/>), GET muc/{path} an item's source
/// passage, POST xac-nhan the confirmation (creates the tasks and assignments, once). Each request reads the document from the host as the
/// tab's officer, so the host's access rules apply; the host's refusals become Vietnamese pages.
/// Only an officer who may confirm (<see cref="ReviewAccess"/>) gets the form and may post it; the
/// others see the review read-only with a note saying who may.
/// </summary>
internal static class DocumentTasksTab
{
    public const string TabId = "document-tasks";
    private const string ItemPrefix = "muc/";
    private const string ConfirmPath = "xac-nhan";

    public static async Task HandleAsync(HttpContext http)
    {
        var tab = http.GetTabRequest();
        var rest = (http.Request.RouteValues["rest"] as string ?? string.Empty).Trim('/');
        if (string.IsNullOrEmpty(tab.DocumentId))
        {
            await Html.WriteMessageAsync(http, ReviewPage.Title, "Thẻ này chỉ dùng trên trang của một văn bản: hãy mở văn bản rồi chọn thẻ “Nhiệm vụ”.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        var drafts = http.RequestServices.GetRequiredService<DocumentDrafts>();
        DocumentReview review;
        try
        {
            review = await drafts.ReviewAsync(tab.DocumentId, tab.UserId, http.RequestAborted).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            http.RequestServices.GetRequiredService<ILogger<DocumentDrafts>>().LogWarning(ex, "Document {DocumentId} could not be read for {UserId}: {Status}", tab.DocumentId, tab.UserId, ex.StatusCode);
            var (status, message) = Refusal(ex.StatusCode, tab.DocumentId);
            await Html.WriteMessageAsync(http, ReviewPage.Title, message, status).ConfigureAwait(false);
            return;
        }

        if (rest.Length == 0 && HttpMethods.IsGet(http.Request.Method))
        {
            var created = await CreatedAsync(http, tab.DocumentId).ConfigureAwait(false);
            var officer = await OfficerOrNullAsync(http, tab).ConfigureAwait(false);
            await Html.WriteAsync(http, ReviewPage.Render(tab, review, created, officer is not null && ReviewAccess.CanConfirm(officer, review))).ConfigureAwait(false);
        }
        else if ((rest == ProgressPage.Path && HttpMethods.IsGet(http.Request.Method))
            || (rest is ProgressPage.ReviewPath or ProgressPage.ExtensionPath && HttpMethods.IsPost(http.Request.Method)))
        {
            await ProgressActions.HandleAsync(http, tab, review, rest).ConfigureAwait(false);
        }
        else if (rest.StartsWith(ItemPrefix, StringComparison.Ordinal) && HttpMethods.IsGet(http.Request.Method))
        {
            var item = SourcePage.Find(review.Resolved.Draft, rest[ItemPrefix.Length..]);
            await (item is null
                ? Html.WriteMessageAsync(http, "Không có mục này", $"Văn bản không có mục “{rest[ItemPrefix.Length..]}”.", StatusCodes.Status404NotFound, tab.Link())
                : Html.WriteAsync(http, SourcePage.Render(tab, review, item))).ConfigureAwait(false);
        }
        else if (rest == ConfirmPath && HttpMethods.IsPost(http.Request.Method))
        {
            var officer = await OfficerOrNullAsync(http, tab).ConfigureAwait(false);
            if (officer is null)
            {
                await Html.WriteMessageAsync(http, ConfirmPage.Title, DirectoryDown, StatusCodes.Status503ServiceUnavailable, tab.Link()).ConfigureAwait(false);
                return;
            }

            if (!ReviewAccess.CanConfirm(officer, review))
            {
                await Html.WriteMessageAsync(http, ConfirmPage.Title, "Không tạo nhiệm vụ nào. " + ReviewPage.ReadOnlyNote, StatusCodes.Status403Forbidden, tab.Link()).ConfigureAwait(false);
                return;
            }

            var form = await FormValues.ReadAsync(http).ConfigureAwait(false);
            if (!DraftFingerprint.Matches(form[ReviewPage.FingerprintField], review))
            {
                // The officer reviewed another version of the document: the fresh draft, nothing of the old form.
                var created = await CreatedAsync(http, tab.DocumentId).ConfigureAwait(false);
                await Html.WriteAsync(http, ReviewPage.Render(tab, review, created, canConfirm: true, posted: null, DraftFingerprint.Changed), StatusCodes.Status409Conflict).ConfigureAwait(false);
                return;
            }

            var chosen = form["muc"].OfType<string>().ToHashSet(StringComparer.Ordinal);
            var today = AssignmentStatuses.Today(http.RequestServices.GetRequiredService<TimeProvider>());
            IReadOnlyList<ItemEdit> edits;
            PlannedTask? manual;
            try
            {
                var directory = http.RequestServices.GetService<DirectoryService.DirectoryServiceClient>();
                edits = await DraftEditForm.ReadAsync(form, review, chosen, directory, today, http.RequestAborted).ConfigureAwait(false);
                manual = await DraftEditForm.ReadManualAsync(form, directory, today, http.RequestAborted).ConfigureAwait(false);
            }
            catch (TasksException ex)
            {
                // Nothing is created: the review again, with the officer's entries and the message.
                var created = await CreatedAsync(http, tab.DocumentId).ConfigureAwait(false);
                await Html.WriteAsync(http, ReviewPage.Render(tab, review, created, canConfirm: true, form, ex.Message), StatusCodes.Status400BadRequest).ConfigureAwait(false);
                return;
            }
            catch (RpcException ex)
            {
                http.RequestServices.GetRequiredService<ILogger<DocumentDrafts>>().LogWarning(ex, "Edited units of document {DocumentId} could not be checked: {Status}", tab.DocumentId, ex.StatusCode);
                await Html.WriteMessageAsync(http, ConfirmPage.Title, "Chưa kiểm tra được các đơn vị đã sửa vì chưa kết nối được danh mục đơn vị. Không tạo nhiệm vụ nào; vui lòng thử lại sau ít phút.", StatusCodes.Status503ServiceUnavailable, tab.Link()).ConfigureAwait(false);
                return;
            }

            var planner = http.RequestServices.GetRequiredService<TaskPlanner>();
            var issuer = string.IsNullOrEmpty(review.Document.IssuerOrgUnitId) ? null : review.Document.IssuerOrgUnitId;
            IReadOnlyList<PlannedTask> plan;
            try
            {
                plan = DraftEditor.Apply(await planner.PlanAsync(review.Resolved, issuer, chosen, http.RequestAborted).ConfigureAwait(false), edits, today);
                plan = manual is null ? plan : [.. plan, manual];
            }
            catch (RpcException ex)
            {
                http.RequestServices.GetRequiredService<ILogger<DocumentDrafts>>().LogWarning(ex, "Units of document {DocumentId} could not be listed: {Status}", tab.DocumentId, ex.StatusCode);
                await Html.WriteMessageAsync(http, ConfirmPage.Title, "Chưa lấy được danh mục đơn vị từ hệ thống quản lý văn bản nên chưa thể lập danh sách giao việc. Vui lòng thử lại sau ít phút.", StatusCodes.Status503ServiceUnavailable, tab.Link()).ConfigureAwait(false);
                return;
            }

            if (plan.FirstOrDefault(p => p.Units.Count == 0) is { } unassigned)
            {
                // As the API refuses it: a task no unit owes would be stored with no assignment and never followed.
                var created = await CreatedAsync(http, tab.DocumentId).ConfigureAwait(false);
                var message = $"Mục {unassigned.ItemPath} chưa xác định được đơn vị thực hiện: hãy nhập mã đơn vị chủ trì ở phần “Sửa mục {unassigned.ItemPath} trước khi xác nhận”.";
                await Html.WriteAsync(http, ReviewPage.Render(tab, review, created, canConfirm: true, form, message), StatusCodes.Status400BadRequest).ConfigureAwait(false);
                return;
            }

            var store = http.RequestServices.GetRequiredService<TaskStore>();
            var result = plan.Count == 0 ? null
                : await store.ConfirmAsync(review, plan, new ChangeContext(tab.UserId, tab.OrgUnitId, "Xác nhận nhiệm vụ từ văn bản"), http.RequestAborted).ConfigureAwait(false);
            if (result is { TasksCreated: > 0 })
            {
                await http.RequestServices.GetRequiredService<Reminders.ReminderScheduler>().ScheduleAfterConfirmationAsync(review.Document.Id, http.RequestAborted).ConfigureAwait(false);
            }

            await Html.WriteAsync(http, ConfirmPage.Render(tab, review, plan, result)).ConfigureAwait(false);
        }
        else
        {
            await Html.WriteMessageAsync(http, "Không có trang này", "Đường dẫn không đúng.", StatusCodes.Status404NotFound, tab.Link()).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlySet<string>> CreatedAsync(HttpContext http, string documentId)
    {
        try
        {
            return await http.RequestServices.GetRequiredService<TaskStore>().CreatedItemsAsync(documentId, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The review must still open; confirming stays idempotent through the unique index.
            http.RequestServices.GetRequiredService<ILogger<DocumentDrafts>>().LogWarning(ex, "Created tasks of {DocumentId} could not be read", documentId);
            return new HashSet<string>();
        }
    }

    public const string DirectoryDown = "Chưa kiểm tra được quyền của bạn vì chưa kết nối được danh mục cán bộ của hệ thống quản lý văn bản. Vui lòng thử lại sau ít phút.";

    /// <summary>The tab's officer with their roles; null (logged) when the directory cannot be reached.</summary>
    public static async Task<Officer?> OfficerOrNullAsync(HttpContext http, TabRequest tab)
    {
        try
        {
            return await http.RequestServices.GetRequiredService<OfficerAccess>().GetAsync(tab.UserId, http.RequestAborted).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            http.RequestServices.GetRequiredService<ILogger<OfficerAccess>>().LogWarning(ex, "Roles of {UserId} could not be read: {Status}", tab.UserId, ex.StatusCode);
            return null;
        }
    }

    private static (int Status, string Message) Refusal(StatusCode code, string documentId) => code switch
    {
        StatusCode.NotFound => (StatusCodes.Status404NotFound, $"Không tìm thấy văn bản “{documentId}” trong hệ thống quản lý văn bản. Văn bản có thể đã bị xoá hoặc thu hồi."),
        StatusCode.PermissionDenied => (StatusCodes.Status403Forbidden, "Bạn không có quyền xem văn bản này nên không thể xem nhiệm vụ của nó."),
        StatusCode.InvalidArgument => (StatusCodes.Status400BadRequest, $"Mã văn bản “{documentId}” không hợp lệ."),
        _ => (StatusCodes.Status503ServiceUnavailable, "Chưa kết nối được hệ thống quản lý văn bản. Vui lòng thử lại sau ít phút."),
    };
}
