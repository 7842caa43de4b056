using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Storage;
using Google.Protobuf.WellKnownTypes;
using HostV1 = DanVan.Plugins.Contracts.Host.V1;
using V1 = DanVan.Plugins.Contracts.Tasks.V1;

namespace DanVan.Plugins.Tasks.Api;

/// <summary>Stored tasks and assignments as danvan.tasks.v1 messages; statuses computed by the caller from the clock.</summary>
internal static class RecordMessages
{
    public static V1.TrackedTask Task(TaskRecord task, IEnumerable<AssignmentStatus> statuses)
    {
        var m = new V1.TrackedTask
        {
            Id = task.Id.ToString(),
            DocumentId = task.DocumentId,
            DocumentCode = task.DocumentCode,
            DocumentTitle = task.DocumentTitle,
            ItemPath = task.ItemPath,
            Content = task.Content,
            LeadUnitId = task.LeadUnitId ?? string.Empty,
            ReportToUnitId = task.ReportToUnitId ?? string.Empty,
            ReportViaUnitId = task.ReportViaUnitId ?? string.Empty,
            DueRuleDescription = task.DueRuleText,
            CreatedByUserId = task.CreatedBy,
            CreateTime = Timestamp.FromDateTimeOffset(task.CreatedAt),
            Version = task.Version,
        };
        m.CooperatingUnitIds.AddRange(task.CooperatingUnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries));
        m.FollowerUnitIds.AddRange(task.FollowerUnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries));
        m.AssignmentCounts.AddRange(Counts(statuses));
        return m;
    }

    public static IEnumerable<V1.StatusCount> Counts(IEnumerable<AssignmentStatus> statuses) =>
        statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => new V1.StatusCount { Status = Status(g.Key), Count = g.Count() });

    public static V1.Assignment Assignment(AssignmentRecord a, TaskRecord task, AssignmentStatus status) => new()
    {
        Id = a.Id.ToString(),
        TaskId = a.TaskId.ToString(),
        UnitId = a.UnitId,
        UnitName = a.UnitName,
        PeriodKey = a.PeriodKey,
        DueDate = Date(a.DueDate),
        OriginalDueDate = Date(a.OriginalDueDate ?? a.DueDate),
        Status = Status(status),
        StatusLabel = AssignmentStatuses.Label(status),
        CompleteTime = a.State == AssignmentState.Completed && a.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
        ProgressPercent = a.ProgressPercent,
        Task = new V1.TaskSummary
        {
            Id = task.Id.ToString(),
            DocumentId = task.DocumentId,
            DocumentTitle = task.DocumentTitle,
            ItemPath = task.ItemPath,
            Content = task.Content,
            DueRuleDescription = task.DueRuleText,
        },
        Version = a.Version,
    };

    public static V1.AssignmentStatus Status(AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotDue => V1.AssignmentStatus.NotDue,
        AssignmentStatus.DueSoon => V1.AssignmentStatus.DueSoon,
        AssignmentStatus.Overdue => V1.AssignmentStatus.Overdue,
        AssignmentStatus.CompletedOnTime => V1.AssignmentStatus.CompletedOnTime,
        AssignmentStatus.CompletedLate => V1.AssignmentStatus.CompletedLate,
        _ => V1.AssignmentStatus.Unspecified,
    };

    public static HostV1.Date? Date(DateOnly? date) => date is { } d ? new HostV1.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    /// <summary>A Date from a request: unset → null; anything but a real calendar day → null with <paramref name="valid"/> false.</summary>
    public static DateOnly? Date(HostV1.Date? date, out bool valid)
    {
        valid = true;
        if (date is null)
        {
            return null;
        }

        if (date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12 && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month))
        {
            return new DateOnly(date.Year, date.Month, date.Day);
        }

        valid = false;
        return null;
    }
}
