using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Data;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Reminders;
using DanVan.Plugins.Tasks.Rollup;
using DanVan.Plugins.Tasks.Tabs;
using DanVan.Plugins.Tasks.Review;
using DanVan.Plugins.Tasks.Storage;
using AssignmentStatus = DanVan.Plugins.Tasks.Assignments.AssignmentStatus;
using Evidence = DanVan.Plugins.Tasks.Progress.Evidence;
using EvidenceKind = DanVan.Plugins.Tasks.Progress.EvidenceKind;
using V1 = DanVan.Plugins.Contracts.Tasks.V1;

namespace DanVan.Plugins.Tasks.Api;

/// <summary>
/// danvan.tasks.v1.TasksService: the plugin's API for e-office vendors and integrators. Every rpc acts for
/// the officer the authenticated host names (<see cref="ActingUserCallContextExtensions.GetActingUserId"/>)
/// and is authorised by that officer's units and roles (<see cref="Officer"/>); the same domain operations
/// as the tabs, the same audit. Refusals are gRPC statuses with Vietnamese messages (see <see cref="ApiErrors"/>).
/// </summary>
internal sealed class TasksApiService(
    DocumentDrafts drafts,
    TaskPlanner planner,
    TaskStore store,
    OfficerAccess access,
    IPluginData data,
    TasksOptions options,
    TimeProvider time,
    ReminderScheduler reminders,
    ProgressService progress,
    AssignmentRollup rollup,
    RequestIds requestIds,
    DirectoryService.DirectoryServiceClient? directory = null) : TasksService.TasksServiceBase
{
    private const string ConfirmReason = "Xác nhận nhiệm vụ từ văn bản (qua API)";

    public override async Task<GetDocumentDraftResponse> GetDocumentDraft(GetDocumentDraftRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var documentId = Required(request.DocumentId, "document_id", "Chưa nêu mã văn bản.");
        var review = await ReviewAsync(documentId, userId, context.CancellationToken).ConfigureAwait(false);
        var created = await store.CreatedItemsAsync(documentId, context.CancellationToken).ConfigureAwait(false);
        return new GetDocumentDraftResponse { Draft = DraftMessages.Of(review, created) };
    }

    public override async Task<ConfirmDraftResponse> ConfirmDraft(ConfirmDraftRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        ConfirmEdits.Validate(request);
        var ct = context.CancellationToken;
        var officer = await OfficerAsync(userId, ct).ConfigureAwait(false);
        var review = await ReviewAsync(request.DocumentId, userId, ct).ConfigureAwait(false);
        if (!DraftFingerprint.Matches(request.DraftFingerprint, review))
        {
            throw new RpcException(new Status(StatusCode.Aborted, DraftFingerprint.ChangedForApi));
        }

        if (request.ManualItems.Count > 0 && !ReviewAccess.CanConfirm(officer, review))
        {
            throw ApiErrors.Denied("Chỉ đơn vị ban hành văn bản, đơn vị nhận báo cáo hoặc Sở Nội vụ mới được thêm nhiệm vụ cho văn bản này.");
        }

        var paths = review.Resolved.Draft.AllItems().Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < request.Items.Count; i++)
        {
            if (!paths.Contains(request.Items[i].ItemPath))
            {
                throw ApiErrors.Invalid($"items[{i}].item_path", $"Văn bản không có mục “{request.Items[i].ItemPath}”.");
            }
        }

        var issuer = string.IsNullOrEmpty(review.Document.IssuerOrgUnitId) ? null : review.Document.IssuerOrgUnitId;
        IReadOnlyList<PlannedTask> planned;
        try
        {
            planned = await planner.PlanAsync(review.Resolved, issuer, [.. request.Items.Select(i => i.ItemPath)], ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Cancelled or StatusCode.DeadlineExceeded))
        {
            throw ApiErrors.Unavailable();
        }

        var edits = new ConfirmEdits(directory, time);
        var plan = new List<PlannedTask>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var task = planned.Single(p => p.ItemPath == request.Items[i].ItemPath);
            if (!officer.CanConfirm(issuer, task.ReportTo?.Id, task.ReportVia?.Id))
            {
                throw ApiErrors.Denied($"Chỉ đơn vị ban hành văn bản, đơn vị nhận báo cáo hoặc Sở Nội vụ mới được tạo nhiệm vụ từ mục {task.ItemPath}.");
            }

            plan.Add(await edits.ApplyAsync(task, request.Items[i], $"items[{i}]", ct).ConfigureAwait(false));
        }

        for (var i = 0; i < request.ManualItems.Count; i++)
        {
            plan.Add(await edits.ManualAsync(request.ManualItems[i], $"manual_items[{i}]", ct).ConfigureAwait(false));
        }

        var result = await store.ConfirmAsync(review, plan, new ChangeContext(userId, officer.UnitFor(issuer), ConfirmReason), ct).ConfigureAwait(false);
        if (result.TasksCreated > 0)
        {
            // As the tab does: reminders for what falls due soon now; the nightly sweep covers the rest (and this, if it fails).
            await reminders.ScheduleAfterConfirmationAsync(request.DocumentId, ct).ConfigureAwait(false);
        }

        var response = new ConfirmDraftResponse { TasksCreated = result.TasksCreated, AssignmentsCreated = result.AssignmentsCreated };
        response.AlreadyCreatedItemPaths.AddRange(result.AlreadyCreated);
        response.Tasks.AddRange(await DocumentTasksAsync(officer, request.DocumentId, ct).ConfigureAwait(false));
        return response;
    }

    public override async Task<ListDocumentTasksResponse> ListDocumentTasks(ListDocumentTasksRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var documentId = Required(request.DocumentId, "document_id", "Chưa nêu mã văn bản.");
        var size = PageToken.Size(request.PageSize);
        var scope = $"ListDocumentTasks\n{documentId}\n{userId}";
        var offset = PageToken.Offset(request.PageToken, scope);
        var officer = await OfficerAsync(userId, context.CancellationToken).ConfigureAwait(false);
        var tasks = await DocumentTasksAsync(officer, documentId, context.CancellationToken).ConfigureAwait(false);
        var response = new ListDocumentTasksResponse { NextPageToken = PageToken.Next(offset + size, tasks.Count, scope) };
        response.Tasks.AddRange(tasks.Skip(offset).Take(size));
        return response;
    }

    public override async Task<ListUnitAssignmentsResponse> ListUnitAssignments(ListUnitAssignmentsRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var unitId = Required(request.UnitId, "unit_id", "Chưa nêu mã đơn vị.");
        for (var i = 0; i < request.Statuses.Count; i++)
        {
            if (request.Statuses[i] is V1.AssignmentStatus.Unspecified || !Enum.IsDefined(request.Statuses[i]))
            {
                throw ApiErrors.Invalid($"statuses[{i}]", "Trạng thái lọc không hợp lệ.");
            }
        }

        var size = PageToken.Size(request.PageSize);
        var scope = $"ListUnitAssignments\n{unitId}\n{string.Join(',', request.Statuses.Order())}";
        var offset = PageToken.Offset(request.PageToken, scope);
        var officer = await OfficerAsync(userId, context.CancellationToken).ConfigureAwait(false);
        if (!officer.CanRead(unitId))
        {
            throw ApiErrors.Denied("Bạn không có quyền xem việc của đơn vị này.");
        }

        var rows = (await store.ForUnitAsync(unitId, options.DueSoonDays, context.CancellationToken).ConfigureAwait(false))
            .Where(r => request.Statuses.Count == 0 || request.Statuses.Contains(RecordMessages.Status(r.Status)))
            .ToList();
        var response = new ListUnitAssignmentsResponse { TotalSize = rows.Count, NextPageToken = PageToken.Next(offset + size, rows.Count, scope) };
        response.Assignments.AddRange(rows.Skip(offset).Take(size).Select(r => RecordMessages.Assignment(r.Assignment, r.Task, r.Status)));
        return response;
    }

    public override async Task<GetAssignmentResponse> GetAssignment(GetAssignmentRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var id = Id(request.AssignmentId, "assignment_id");
        var officer = await OfficerAsync(userId, context.CancellationToken).ConfigureAwait(false);
        var assignment = await data.FindAsync<AssignmentRecord>(id, context.CancellationToken).ConfigureAwait(false);
        var task = assignment is null ? null : await data.FindAsync<TaskRecord>(assignment.TaskId, context.CancellationToken).ConfigureAwait(false);
        if (assignment is null || task is null)
        {
            throw ApiErrors.NotFound("Không tìm thấy lượt giao việc này.");
        }

        if (!officer.CanRead(assignment.UnitId) && !officer.CanManage(task))
        {
            throw ApiErrors.Denied("Bạn không có quyền xem việc của đơn vị này.");
        }

        return new GetAssignmentResponse { Assignment = RecordMessages.Assignment(assignment, task, StatusOf(assignment)) };
    }

    public override async Task<SubmitReportResponse> SubmitReport(SubmitReportRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var id = Id(request.AssignmentId, "assignment_id");
        var evidence = new List<Evidence>();
        for (var i = 0; i < request.Evidence.Count; i++)
        {
            var e = request.Evidence[i];
            var kind = e.Kind switch
            {
                V1.EvidenceKind.Document => EvidenceKind.Document,
                V1.EvidenceKind.Attachment => EvidenceKind.Attachment,
                V1.EvidenceKind.Link => EvidenceKind.Link,
                _ => throw ApiErrors.Invalid($"evidence[{i}].kind", "Chưa nêu loại minh chứng (văn bản, tệp đính kèm hoặc liên kết)."),
            };
            evidence.Add(new Evidence(kind, e.Reference, e.Title));
        }

        var input = new ReportInput(request.Text, request.Percent, evidence);
        var ct = context.CancellationToken;
        return await requestIds.RunAsync(userId, nameof(SubmitReport), request.RequestId, async () =>
        {
            var officer = await OfficerAsync(userId, ct).ConfigureAwait(false);
            var report = await Guard(() => progress.SubmitReportAsync(officer, id, request.AssignmentVersion, input, ct)).ConfigureAwait(false);
            return new SubmitReportResponse { Report = ProgressMessages.Report(report) };
        }).ConfigureAwait(false);
    }

    public override async Task<ReviewReportResponse> ReviewReport(ReviewReportRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var id = Id(request.ReportId, "report_id");
        var accept = request.Decision switch
        {
            ReviewDecision.Accept => true,
            ReviewDecision.Return => false,
            _ => throw ApiErrors.Invalid("decision", "Chưa chọn chấp nhận hay trả lại báo cáo."),
        };
        var officer = await OfficerAsync(userId, context.CancellationToken).ConfigureAwait(false);
        var report = await Guard(() => progress.ReviewReportAsync(officer, id, request.ReportVersion, accept, NullIfEmpty(request.Reason), context.CancellationToken)).ConfigureAwait(false);
        return new ReviewReportResponse { Report = ProgressMessages.Report(report) };
    }

    public override async Task<RequestExtensionResponse> RequestExtension(RequestExtensionRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var id = Id(request.AssignmentId, "assignment_id");
        var newDue = RecordMessages.Date(request.NewDueDate, out var valid);
        if (newDue is not { } due)
        {
            throw ApiErrors.Invalid("new_due_date", valid ? "Chưa nêu hạn mới." : "Hạn mới không phải ngày hợp lệ.");
        }

        var ct = context.CancellationToken;
        return await requestIds.RunAsync(userId, nameof(RequestExtension), request.RequestId, async () =>
        {
            var officer = await OfficerAsync(userId, ct).ConfigureAwait(false);
            var extension = await Guard(() => progress.RequestExtensionAsync(officer, id, due, request.Reason, ct)).ConfigureAwait(false);
            return new RequestExtensionResponse { Extension = ProgressMessages.Extension(extension) };
        }).ConfigureAwait(false);
    }

    public override async Task<DecideExtensionResponse> DecideExtension(DecideExtensionRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var id = Id(request.ExtensionId, "extension_id");
        var approve = request.Decision switch
        {
            ExtensionDecision.Approve => true,
            ExtensionDecision.Reject => false,
            _ => throw ApiErrors.Invalid("decision", "Chưa chọn đồng ý hay không đồng ý gia hạn."),
        };
        var officer = await OfficerAsync(userId, context.CancellationToken).ConfigureAwait(false);
        var extension = await Guard(() => progress.DecideExtensionAsync(officer, id, request.Version, approve, NullIfEmpty(request.Reason), context.CancellationToken)).ConfigureAwait(false);
        return new DecideExtensionResponse { Extension = ProgressMessages.Extension(extension) };
    }

    public override async Task<ListReportsResponse> ListReports(ListReportsRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        var id = Id(request.AssignmentId, "assignment_id");
        var size = PageToken.Size(request.PageSize);
        var scope = $"ListReports\n{id}";
        var offset = PageToken.Offset(request.PageToken, scope);
        var officer = await OfficerAsync(userId, context.CancellationToken).ConfigureAwait(false);
        var reports = (await Guard(() => progress.ListReportsAsync(officer, id, context.CancellationToken)).ConfigureAwait(false))
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).ToList();
        var response = new ListReportsResponse { NextPageToken = PageToken.Next(offset + size, reports.Count, scope) };
        response.Reports.AddRange(reports.Skip(offset).Take(size).Select(ProgressMessages.Report));
        return response;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public override async Task<GetRollupResponse> GetRollup(GetRollupRequest request, ServerCallContext context)
    {
        var userId = context.GetActingUserId();
        if (request.Year != 0 && request.Year is < 2000 or > 2100)
        {
            throw ApiErrors.Invalid("year", "Năm không hợp lệ (2000–2100).");
        }

        var officer = await OfficerAsync(userId, context.CancellationToken).ConfigureAwait(false);

        // The same scope as the dashboard tab: the province for Sở Nội vụ and the dân vận board, a unit leader their subtree.
        var unitId = NullIfEmpty(request.UnitId);
        var scope = ProvinceDashboardScope.For(officer, unitId ?? string.Empty);
        if (!scope.Allowed)
        {
            throw ApiErrors.Denied(unitId is null ? ProvinceDashboardScope.Refusal + " Lãnh đạo đơn vị hãy nêu đơn vị của mình (unit_id)." : ProvinceDashboardScope.Refusal);
        }

        var result = await rollup.RollUpAsync(
            new RollupFilter(request.Year == 0 ? null : request.Year, NullIfEmpty(request.PeriodKey), NullIfEmpty(request.DocumentId), UnitId: unitId ?? scope.RootUnitId),
            context.CancellationToken).ConfigureAwait(false);
        var response = new GetRollupResponse { AsOf = RecordMessages.Date(result.Today) };
        response.TotalCounts.AddRange(Counts(result.Total));
        response.Rows.AddRange(result.Units.Select(u => new RollupRow { UnitId = u.UnitId, UnitName = u.Name, Depth = u.Depth, Total = u.Counts.Total, Counts = { Counts(u.Counts) } }));
        return response;
    }

    private static IEnumerable<StatusCount> Counts(StatusCounts counts) =>
        StatusCounts.Order.Where(s => counts[s] > 0).Select(s => new StatusCount { Status = RecordMessages.Status(s), Count = (int)Math.Min(counts[s], int.MaxValue) });

    /// <summary>The document's tasks the officer may see, in item order, with counts over the assignments they may see.</summary>
    private async Task<List<V1.TrackedTask>> DocumentTasksAsync(Officer officer, string documentId, CancellationToken ct)
    {
        var tasks = await data.ListAsync(new Specification<TaskRecord>().Where(t => t.DocumentId == documentId), ct).ConfigureAwait(false);
        if (tasks.Count == 0)
        {
            return [];
        }

        var taskIds = tasks.Select(t => t.Id).ToList();
        var assignments = (await data.ListAsync(new Specification<AssignmentRecord>().Where(a => taskIds.Contains(a.TaskId)), ct).ConfigureAwait(false))
            .ToLookup(a => a.TaskId);
        var result = new List<(TaskRecord Task, List<AssignmentStatus> Statuses)>();
        foreach (var task in tasks)
        {
            var manages = officer.ReadsProvince || officer.CanManage(task);
            var visible = assignments[task.Id].Where(a => manages || officer.CanRead(a.UnitId)).ToList();
            if (manages || visible.Count > 0)
            {
                result.Add((task, [.. visible.Select(StatusOf)]));
            }
        }

        return [.. result.OrderBy(r => r.Task.ItemPath, ItemPathComparer.Instance).Select(r => RecordMessages.Task(r.Task, r.Statuses))];
    }

    private AssignmentStatus StatusOf(AssignmentRecord a) =>
        AssignmentStatuses.Compute(a.DueDate, a.State == AssignmentState.Completed ? a.CompletedAt : null, AssignmentStatuses.Today(time), options.DueSoonDays);

    private async Task<Officer> OfficerAsync(string userId, CancellationToken ct)
    {
        try
        {
            return await access.GetAsync(userId, ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Cancelled or StatusCode.DeadlineExceeded))
        {
            throw ApiErrors.Unavailable();
        }
    }

    private async Task<DocumentReview> ReviewAsync(string documentId, string userId, CancellationToken ct)
    {
        try
        {
            return await drafts.ReviewAsync(documentId, userId, ct).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            throw ApiErrors.FromHost(ex, documentId);
        }
    }

    private static string Required(string value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw ApiErrors.Invalid(field, message) : value;

    private static Guid Id(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw ApiErrors.Invalid(field, "Mã không hợp lệ (cần dạng UUID).");

    /// <summary>Converts a domain refusal from the progress operations into its gRPC status.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (TasksException ex)
        {
            throw ApiErrors.From(ex);
        }
    }
}
