using System.Globalization;
using DanVan.Plugins.Data;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Progress;

/// <summary>
/// Progress of assignments (issue 6, point 3), used by the tabs and the gRPC API alike: a unit's
/// officers report (text, percent, evidence) and ask for more time; the managing units accept or
/// return a report (with a reason) and approve or refuse an extension. Every change is one unit of
/// work audited with the officer and a reason; refusals are <see cref="TasksException"/> with a
/// Vietnamese message, and nothing is half-saved.
/// </summary>
internal sealed class ProgressService(IPluginData data, EvidenceValidator evidence, TimeProvider time, TasksOptions options)
{
    public const int MaxText = 4000;
    public const int MaxReason = 1000;
    private const string Stale = "Lượt việc đã được người khác cập nhật; vui lòng tải lại trang và thử lại.";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public async Task<ReportRecord> SubmitReportAsync(Officer officer, Guid assignmentId, long assignmentVersion, ReportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(input);
        var text = (input.Text ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new TasksException(TasksError.InvalidArgument, "Hãy ghi nội dung báo cáo (đã làm được gì).", "text");
        }

        if (text.Length > MaxText)
        {
            throw new TasksException(TasksError.InvalidArgument, $"Nội dung báo cáo dài quá {MaxText} ký tự.", "text");
        }

        if (input.Percent is < 0 or > 100)
        {
            throw new TasksException(TasksError.InvalidArgument, "Tỷ lệ hoàn thành phải từ 0 đến 100%.", "percent");
        }

        var (assignment, _) = await LoadAsync(data, assignmentId, cancellationToken).ConfigureAwait(false);
        DemandReport(officer, assignment);
        DemandOpen(assignment);
        if (assignment.Version != assignmentVersion)
        {
            throw new TasksException(TasksError.Conflict, Stale, "assignment_version");
        }

        // Read the evidence from the host before the unit of work: no transaction waits on the network.
        var checkedEvidence = await evidence.ValidateAsync(officer.UserId, input.Evidence ?? [], cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var change = new ChangeContext(officer.UserId, assignment.UnitId, string.Create(C, $"Báo cáo tiến độ {input.Percent}%"));
        return await WriteAsync(async tx =>
        {
            var current = await tx.FindAsync<AssignmentRecord>(assignmentId, cancellationToken).ConfigureAwait(false)
                ?? throw NotFound();
            DemandOpen(current);
            var report = new ReportRecord
            {
                Id = Guid.CreateVersion7(now),
                AssignmentId = assignmentId,
                Text = text,
                Percent = input.Percent,
                Evidence = EvidenceJson.Write(checkedEvidence),
                SubmittedBy = officer.UserId,
                SubmittedUnitId = current.UnitId,
                SubmittedAt = now,
                State = ReportState.Submitted,
            };

            // Touching the assignment with the version the officer saw makes two reports from stale screens conflict.
            current.Version = assignmentVersion;
            await tx.UpdateAsync(current, change, cancellationToken).ConfigureAwait(false);
            await tx.InsertAsync(report, change, cancellationToken).ConfigureAwait(false);
            return report;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReportRecord> ReviewReportAsync(Officer officer, Guid reportId, long reportVersion, bool accept, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        reason = Reason(reason, required: !accept, "Hãy ghi lý do trả lại báo cáo để đơn vị biết cần bổ sung gì.");
        var report = await data.FindAsync<ReportRecord>(reportId, cancellationToken).ConfigureAwait(false)
            ?? throw new TasksException(TasksError.NotFound, "Không tìm thấy báo cáo này; có thể nó đã bị xoá.", "report_id");
        var (_, task) = await LoadAsync(data, report.AssignmentId, cancellationToken).ConfigureAwait(false);
        DemandManage(officer, task);
        if (report.State != ReportState.Submitted)
        {
            throw new TasksException(TasksError.FailedPrecondition, report.State == ReportState.Accepted ? "Báo cáo này đã được chấp nhận trước đó." : "Báo cáo này đã bị trả lại trước đó.");
        }

        if (report.Version != reportVersion)
        {
            throw new TasksException(TasksError.Conflict, "Báo cáo đã được người khác xử lý hoặc cập nhật; vui lòng tải lại trang.", "report_version");
        }

        var now = time.GetUtcNow();
        var change = new ChangeContext(officer.UserId, ManagingUnit(officer, task), accept
            ? (reason is null ? "Chấp nhận báo cáo tiến độ" : "Chấp nhận báo cáo tiến độ: " + reason)
            : "Trả lại báo cáo tiến độ: " + reason);
        return await WriteAsync(async tx =>
        {
            var assignment = await tx.FindAsync<AssignmentRecord>(report.AssignmentId, cancellationToken).ConfigureAwait(false) ?? throw NotFound();
            report.Version = reportVersion;
            report.State = accept ? ReportState.Accepted : ReportState.Returned;
            report.ReviewedBy = officer.UserId;
            report.ReviewedAt = now;
            report.ReviewReason = reason;
            await tx.UpdateAsync(report, change, cancellationToken).ConfigureAwait(false);
            if (accept)
            {
                assignment.ProgressPercent = report.Percent;
                if (report.Percent == 100 && assignment.State == AssignmentState.Open)
                {
                    // Done when the unit said so: a report sent on time but accepted late is "hoàn thành đúng hạn".
                    assignment.State = AssignmentState.Completed;
                    assignment.CompletedAt = report.SubmittedAt;
                }

                await tx.UpdateAsync(assignment, change, cancellationToken).ConfigureAwait(false);
            }

            return report;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExtensionRecord> RequestExtensionAsync(Officer officer, Guid assignmentId, DateOnly newDue, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var why = Reason(reason, required: true, "Hãy ghi lý do xin gia hạn.")!;
        var (assignment, _) = await LoadAsync(data, assignmentId, cancellationToken).ConfigureAwait(false);
        DemandReport(officer, assignment);
        DemandOpen(assignment);
        var today = AssignmentStatuses.Today(time);
        if (newDue <= today || (assignment.DueDate is { } due && newDue <= due))
        {
            var floor = assignment.DueDate is { } d && d > today ? d : today;
            throw new TasksException(TasksError.InvalidArgument, $"Hạn mới phải sau ngày {floor.ToString("dd/MM/yyyy", C)}.", "new_due");
        }

        var now = time.GetUtcNow();
        var change = new ChangeContext(officer.UserId, assignment.UnitId, $"Xin gia hạn đến {newDue.ToString("dd/MM/yyyy", C)}: {why}");
        return await WriteAsync(async tx =>
        {
            var pending = await tx.CountAsync(new Specification<ExtensionRecord>().Where(e => e.AssignmentId == assignmentId && e.State == ExtensionState.Pending), cancellationToken).ConfigureAwait(false);
            if (pending > 0)
            {
                throw new TasksException(TasksError.FailedPrecondition, "Lượt việc này đã có đề nghị gia hạn đang chờ xem xét.");
            }

            var current = await tx.FindAsync<AssignmentRecord>(assignmentId, cancellationToken).ConfigureAwait(false) ?? throw NotFound();
            DemandOpen(current);

            // Touch the assignment so that two requests at once conflict instead of both being pending.
            await tx.UpdateAsync(current, change, cancellationToken).ConfigureAwait(false);
            var extension = new ExtensionRecord
            {
                Id = Guid.CreateVersion7(now),
                AssignmentId = assignmentId,
                RequestedDue = newDue,
                Reason = why,
                RequestedBy = officer.UserId,
                RequestedAt = now,
                State = ExtensionState.Pending,
            };
            await tx.InsertAsync(extension, change, cancellationToken).ConfigureAwait(false);
            return extension;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExtensionRecord> DecideExtensionAsync(Officer officer, Guid extensionId, long version, bool approve, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        reason = Reason(reason, required: !approve, "Hãy ghi lý do không đồng ý gia hạn.");
        var extension = await data.FindAsync<ExtensionRecord>(extensionId, cancellationToken).ConfigureAwait(false)
            ?? throw new TasksException(TasksError.NotFound, "Không tìm thấy đề nghị gia hạn này.", "extension_id");
        var (assignment, task) = await LoadAsync(data, extension.AssignmentId, cancellationToken).ConfigureAwait(false);
        DemandManage(officer, task);
        if (extension.State != ExtensionState.Pending)
        {
            throw new TasksException(TasksError.FailedPrecondition, extension.State == ExtensionState.Approved ? "Đề nghị gia hạn này đã được đồng ý trước đó." : "Đề nghị gia hạn này đã bị từ chối trước đó.");
        }

        if (approve)
        {
            DemandOpen(assignment);
        }

        if (extension.Version != version)
        {
            throw new TasksException(TasksError.Conflict, "Đề nghị gia hạn đã được người khác xử lý; vui lòng tải lại trang.", "version");
        }

        var now = time.GetUtcNow();
        var change = new ChangeContext(officer.UserId, ManagingUnit(officer, task), approve
            ? $"Đồng ý gia hạn đến {extension.RequestedDue.ToString("dd/MM/yyyy", C)}" + (reason is null ? string.Empty : ": " + reason)
            : "Không đồng ý gia hạn: " + reason);
        return await WriteAsync(async tx =>
        {
            extension.Version = version;
            extension.State = approve ? ExtensionState.Approved : ExtensionState.Rejected;
            extension.DecidedBy = officer.UserId;
            extension.DecidedAt = now;
            extension.DecisionReason = reason;
            await tx.UpdateAsync(extension, change, cancellationToken).ConfigureAwait(false);
            if (approve)
            {
                var current = await tx.FindAsync<AssignmentRecord>(extension.AssignmentId, cancellationToken).ConfigureAwait(false) ?? throw NotFound();
                current.OriginalDueDate ??= current.DueDate;
                current.DueDate = extension.RequestedDue;
                await tx.UpdateAsync(current, change, cancellationToken).ConfigureAwait(false);
            }

            return extension;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The unit's assignments with reports and extensions, most urgent first; PermissionDenied for an officer who may not read the unit.</summary>
    public async Task<IReadOnlyList<AssignmentProgress>> ListForUnitAsync(Officer officer, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (!officer.CanRead(unitId))
        {
            throw new TasksException(TasksError.PermissionDenied, "Bạn không có quyền xem việc của đơn vị này.", "unit_id");
        }

        var rows = await data.ListAsync(
            new Specification<AssignmentRecord>().Where(a => a.UnitId == unitId).OrderBy(a => a.DueDate).IncludeOne(a => a.Task, a => a.TaskId),
            cancellationToken).ConfigureAwait(false);
        var progress = await WithHistoryAsync([.. rows.Where(a => a.Task is not null)], cancellationToken).ConfigureAwait(false);
        return [.. progress
            .OrderBy(p => AssignmentStatuses.Urgency(p.Status))
            .ThenBy(p => p.Assignment.DueDate ?? DateOnly.MaxValue)
            .ThenBy(p => p.Task.DocumentId, StringComparer.Ordinal)
            .ThenBy(p => p.Task.ItemPath, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The document's tasks in item order; a manager of a task (or a province reader) sees every unit's
    /// assignment, any other officer only those of units they may read.
    /// </summary>
    public async Task<IReadOnlyList<TaskProgress>> ListForDocumentAsync(Officer officer, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var tasks = await data.ListAsync(new Specification<TaskRecord>().Where(t => t.DocumentId == documentId), cancellationToken).ConfigureAwait(false);
        if (tasks.Count == 0)
        {
            return [];
        }

        var taskIds = tasks.Select(t => t.Id).ToList();
        var assignments = await data.ListAsync(new Specification<AssignmentRecord>().Where(a => taskIds.Contains(a.TaskId)), cancellationToken).ConfigureAwait(false);
        var byTask = tasks.ToDictionary(t => t.Id);
        foreach (var a in assignments)
        {
            a.Task = byTask[a.TaskId];
        }

        var manages = tasks.ToDictionary(t => t.Id, officer.CanManage);
        var visible = assignments.Where(a => manages[a.TaskId] || officer.CanRead(a.UnitId)).ToList();
        var progress = (await WithHistoryAsync(visible, cancellationToken).ConfigureAwait(false)).ToLookup(p => p.Task.Id);
        return [.. tasks
            .OrderBy(t => t.ItemPath, ItemPathComparer.Instance)
            .Select(t => new TaskProgress(t, manages[t.Id], [.. progress[t.Id].OrderBy(p => p.Assignment.UnitName, StringComparer.Ordinal).ThenBy(p => p.Assignment.PeriodKey, StringComparer.Ordinal)]))
            .Where(t => t.CanManage || t.Assignments.Count > 0)];
    }

    /// <summary>The assignment's reports, newest first, for an officer who may read its unit or manages its task.</summary>
    public async Task<IReadOnlyList<ReportRecord>> ListReportsAsync(Officer officer, Guid assignmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var (assignment, task) = await LoadAsync(data, assignmentId, cancellationToken).ConfigureAwait(false);
        if (!officer.CanRead(assignment.UnitId) && !officer.CanManage(task))
        {
            throw new TasksException(TasksError.PermissionDenied, "Bạn không có quyền xem báo cáo của đơn vị này.", "assignment_id");
        }

        return await data.ListAsync(new Specification<ReportRecord>().Where(r => r.AssignmentId == assignmentId).OrderByDescending(r => r.SubmittedAt), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<AssignmentProgress>> WithHistoryAsync(IReadOnlyList<AssignmentRecord> assignments, CancellationToken cancellationToken)
    {
        if (assignments.Count == 0)
        {
            return [];
        }

        var ids = assignments.Select(a => a.Id).ToList();
        var reports = (await data.ListAsync(new Specification<ReportRecord>().Where(r => ids.Contains(r.AssignmentId)).OrderByDescending(r => r.SubmittedAt), cancellationToken).ConfigureAwait(false))
            .ToLookup(r => r.AssignmentId);
        var extensions = (await data.ListAsync(new Specification<ExtensionRecord>().Where(e => ids.Contains(e.AssignmentId)).OrderByDescending(e => e.RequestedAt), cancellationToken).ConfigureAwait(false))
            .ToLookup(e => e.AssignmentId);
        var today = AssignmentStatuses.Today(time);
        return [.. assignments.Select(a => new AssignmentProgress(
            a,
            a.Task!,
            AssignmentStatuses.Compute(a.DueDate, a.State == AssignmentState.Completed ? a.CompletedAt : null, today, options.DueSoonDays),
            [.. reports[a.Id]],
            [.. extensions[a.Id]]))];
    }

    private async Task<T> WriteAsync<T>(Func<IDataTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var tx = await data.BeginAsync(cancellationToken).ConfigureAwait(false);
        T result;
        try
        {
            result = await work(tx).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            throw new TasksException(TasksError.Conflict, Stale);
        }
        catch (RecordNotFoundException)
        {
            throw NotFound();
        }

        return result;
    }

    private static async Task<(AssignmentRecord Assignment, TaskRecord Task)> LoadAsync(IRecordReader reader, Guid assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await reader.FirstOrDefaultAsync(
            new Specification<AssignmentRecord>().Where(a => a.Id == assignmentId).IncludeOne(a => a.Task, a => a.TaskId), cancellationToken).ConfigureAwait(false);
        return assignment?.Task is { } task ? (assignment, task) : throw NotFound();
    }

    private static TasksException NotFound() => new(TasksError.NotFound, "Không tìm thấy lượt việc này; có thể nhiệm vụ đã bị xoá.", "assignment_id");

    private static void DemandReport(Officer officer, AssignmentRecord assignment)
    {
        if (!officer.CanReport(assignment.UnitId))
        {
            throw new TasksException(TasksError.PermissionDenied, $"Chỉ cán bộ, lãnh đạo của {assignment.UnitName} mới được báo cáo tiến độ, xin gia hạn cho lượt việc này.");
        }
    }

    private static void DemandManage(Officer officer, TaskRecord task)
    {
        if (!officer.CanManage(task))
        {
            throw new TasksException(TasksError.PermissionDenied, "Chỉ đơn vị ban hành, đơn vị nhận hoặc tổng hợp báo cáo của nhiệm vụ và Sở Nội vụ mới được duyệt báo cáo, gia hạn.");
        }
    }

    private static void DemandOpen(AssignmentRecord assignment)
    {
        if (assignment.State == AssignmentState.Completed)
        {
            throw new TasksException(TasksError.FailedPrecondition, "Lượt việc này đã hoàn thành nên không nhận thêm báo cáo hay đề nghị gia hạn.");
        }
    }

    private static string? Reason(string? reason, bool required, string missing)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return required ? throw new TasksException(TasksError.InvalidArgument, missing, "reason") : null;
        }

        return text.Length > MaxReason ? throw new TasksException(TasksError.InvalidArgument, $"Lý do dài quá {MaxReason} ký tự.", "reason") : text;
    }

    // The unit the manager acts for: their role in the issuing, report-to or report-via unit, else their first.
    private static string ManagingUnit(Officer officer, TaskRecord task) =>
        officer.Roles.FirstOrDefault(r => r.UnitId == task.IssuerUnitId || r.UnitId == task.ReportToUnitId || r.UnitId == task.ReportViaUnitId)?.UnitId
        ?? officer.Roles.FirstOrDefault()?.UnitId ?? string.Empty;
}
