using System.Data.Common;
using DanVan.Plugins.Data;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Review;

namespace DanVan.Plugins.Tasks.Storage;

/// <summary>
/// Tasks and assignments in the plugin's tables. Confirmation writes every task and assignment of
/// a document in one unit of work, audited with the officer as actor; items that already have a
/// task are skipped (the unique index stops a concurrent double submit too).
/// </summary>
internal sealed class TaskStore(IPluginData data, TimeProvider time)
{
    public async Task<ConfirmResult> ConfirmAsync(DocumentReview review, IReadOnlyList<PlannedTask> plan, ChangeContext change, CancellationToken cancellationToken)
    {
        var documentId = review.Document.Id;
        var code = review.Document.CodeAsPrinted is { Length: > 0 } printed ? printed : review.Resolved.Draft.Metadata.Number?.Value.ToString() ?? string.Empty;
        await using var tx = await data.BeginAsync(cancellationToken).ConfigureAwait(false);
        var existing = (await tx.ListAsync(new Specification<TaskRecord>().Where(t => t.DocumentId == documentId), cancellationToken).ConfigureAwait(false))
            .Select(t => t.ItemPath).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var tasks = new List<TaskRecord>();
        var assignments = new List<AssignmentRecord>();
        foreach (var planned in plan.Where(p => !existing.Contains(p.ItemPath)))
        {
            var task = new TaskRecord
            {
                Id = Guid.CreateVersion7(now),
                DocumentId = documentId,
                DocumentCode = code,
                DocumentTitle = ReviewPageTitle(review),
                ItemPath = planned.ItemPath,
                Content = planned.Content,
                LeadUnitId = planned.Lead?.Id,
                CooperatingUnitIds = string.Join(',', planned.Cooperating.Select(u => u.Id)),
                IssuerUnitId = string.IsNullOrEmpty(review.Document.IssuerOrgUnitId) ? null : review.Document.IssuerOrgUnitId,
                ReportToUnitId = planned.ReportTo?.Id,
                FollowerUnitIds = string.Join(',', planned.Followers.Select(u => u.Id)),
                ReportViaUnitId = planned.ReportVia?.Id,
                DueRuleText = planned.Due?.Describe() ?? "chưa nêu",
                DueKind = planned.Due?.Kind.ToString(),
                DueDay = planned.Due?.Day,
                DueMonth = planned.Due?.Month,
                DuePeriodMonth = planned.Due?.PeriodMonth,
                CreatedBy = change.UserId,
                CreatedByUnit = change.UnitId,
                CreatedAt = now,
            };
            tasks.Add(task);
            assignments.AddRange(planned.Units.SelectMany(unit => planned.Periods.Select(period => new AssignmentRecord
            {
                Id = Guid.CreateVersion7(now),
                TaskId = task.Id,
                UnitId = unit.Id,
                UnitName = string.IsNullOrEmpty(unit.FullName) ? unit.ShortName : unit.FullName,
                PeriodKey = period.Key,
                DueDate = period.Due,
                State = AssignmentState.Open,
            })));
        }

        try
        {
            foreach (var task in tasks)
            {
                await tx.InsertAsync(task, change, cancellationToken).ConfigureAwait(false);
            }

            if (assignments.Count > 0)
            {
                await tx.InsertManyAsync(assignments, change, cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // Another confirmation of the same document committed first (unique index): nothing of ours was kept.
            return new ConfirmResult(0, 0, [.. plan.Select(p => p.ItemPath)]);
        }

        return new ConfirmResult(tasks.Count, assignments.Count, [.. plan.Select(p => p.ItemPath).Where(existing.Contains)]);
    }

    private static string ReviewPageTitle(DocumentReview review) => Tabs.ReviewPage.DocumentLine(review.Document, review.Resolved.Draft, withIssuerAndSubject: false);

    /// <summary>The item paths of the document that already have a task.</summary>
    public async Task<IReadOnlySet<string>> CreatedItemsAsync(string documentId, CancellationToken cancellationToken) =>
        (await data.ListAsync(new Specification<TaskRecord>().Where(t => t.DocumentId == documentId), cancellationToken).ConfigureAwait(false))
            .Select(t => t.ItemPath).ToHashSet(StringComparer.Ordinal);

    /// <summary>The unit's assignments, most urgent first (overdue, due soon, not due, completed), then by due date.</summary>
    public async Task<IReadOnlyList<UnitAssignment>> ForUnitAsync(string unitId, int dueSoonDays, CancellationToken cancellationToken)
    {
        var rows = await data.ListAsync(
            new Specification<AssignmentRecord>().Where(a => a.UnitId == unitId).OrderBy(a => a.DueDate).IncludeOne(a => a.Task, a => a.TaskId),
            cancellationToken).ConfigureAwait(false);
        var today = AssignmentStatuses.Today(time);
        return [.. rows.Where(a => a.Task is not null)
            .Select(a => new UnitAssignment(a, a.Task!, AssignmentStatuses.Compute(a.DueDate, a.State == AssignmentState.Completed ? a.CompletedAt : null, today, dueSoonDays)))
            .OrderBy(a => AssignmentStatuses.Urgency(a.Status))
            .ThenBy(a => a.Assignment.DueDate ?? DateOnly.MaxValue)
            .ThenBy(a => a.Task.DocumentId, StringComparer.Ordinal)
            .ThenBy(a => a.Task.ItemPath, StringComparer.Ordinal)];
    }

    /// <summary>Marks the unit's assignment completed now, if the version is the one the officer saw (stale → ConcurrencyConflictException).</summary>
    public async Task<bool> CompleteAsync(Guid assignmentId, long version, string unitId, ChangeContext change, CancellationToken cancellationToken)
    {
        var assignment = await data.FindAsync<AssignmentRecord>(assignmentId, cancellationToken).ConfigureAwait(false);
        if (assignment is null || assignment.UnitId != unitId || assignment.State == AssignmentState.Completed)
        {
            return false;
        }

        assignment.Version = version;
        assignment.State = AssignmentState.Completed;
        assignment.CompletedAt = time.GetUtcNow();
        await data.UpdateAsync(assignment, change, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
