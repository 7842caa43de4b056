namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>
/// Computes statuses. The due date is the last day allowed ("trước ngày 15/11" → due 15/11, overdue
/// from 16/11), counted in Vietnam's time zone (UTC+7), whatever the server's zone.
/// </summary>
internal static class AssignmentStatuses
{
    public const int DefaultDueSoonDays = 7;
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(VietnamOffset).DateTime);

    /// <summary>The day something happened, in Vietnam.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime);

    public static AssignmentStatus Compute(DateOnly? due, DateTimeOffset? completedAt, DateOnly today, int dueSoonDays = DefaultDueSoonDays)
    {
        if (completedAt is { } done)
        {
            return due is { } d && DayOf(done) > d ? AssignmentStatus.CompletedLate : AssignmentStatus.CompletedOnTime;
        }

        if (due is not { } dueDay)
        {
            return AssignmentStatus.NotDue;
        }

        return today > dueDay ? AssignmentStatus.Overdue
            : dueDay.DayNumber - today.DayNumber <= dueSoonDays ? AssignmentStatus.DueSoon
            : AssignmentStatus.NotDue;
    }

    public static string Label(AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotDue => "chưa đến hạn",
        AssignmentStatus.DueSoon => "trong hạn",
        AssignmentStatus.Overdue => "quá hạn",
        AssignmentStatus.CompletedOnTime => "hoàn thành đúng hạn",
        AssignmentStatus.CompletedLate => "hoàn thành quá hạn",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Most urgent first: overdue, due soon, not due, then completed.</summary>
    public static int Urgency(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Overdue => 0,
        AssignmentStatus.DueSoon => 1,
        AssignmentStatus.NotDue => 2,
        AssignmentStatus.CompletedLate => 3,
        _ => 4,
    };
}
